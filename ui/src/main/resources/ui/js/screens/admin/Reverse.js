// "Reverse" on one journal row, for GMs (a user's history and the Activity feed): a required reason,
// then a confirmation that says what moves back, and the server's refusal in place (the receiver
// no longer holds the amount, a casino spin, already reversed). One idempotency key per intended
// reversal, so a retry after a lost answer cannot reverse twice (the server allows one anyway).
import { ref, computed } from 'vue';
import { adminApi } from './adminApi.js';
import { newKey } from '../../api.js';
import { store } from '../../store.js';
import { credits } from '../../format.js';

export default {
  props: { tx: { type: Object, required: true } },
  emits: ['done'],
  setup(props, { emit }) {
    const open = ref(false);
    const confirming = ref(false);
    const reason = ref('');
    const error = ref(null);
    const busy = ref(false);
    let key = null;
    const what = computed(() => `${credits(props.tx.amount)} moves back from ${props.tx.to_name ?? props.tx.to_account} to ${props.tx.from_name ?? props.tx.from_account}.`);

    function start() {
      open.value = true;
      confirming.value = false;
      error.value = null;
    }
    function cancel() {
      open.value = false;
      confirming.value = false;
      reason.value = '';
      error.value = null;
      key = null;
    }
    function ask() {
      error.value = null;
      if (!reason.value.trim()) {
        error.value = 'A reason is required: it goes into the journal and the audit log.';
        return;
      }
      confirming.value = true;
    }
    async function confirm() {
      busy.value = true;
      error.value = null;
      key ??= newKey();
      try {
        const r = await adminApi.reverse(props.tx.id, reason.value.trim(), key);
        key = null;
        open.value = false;
        confirming.value = false;
        reason.value = '';
        emit('done', r);
      } catch (e) {
        error.value = e.message;
        confirming.value = false;
        if (e.status !== 0) key = null;
      } finally {
        busy.value = false;
      }
    }
    return { store, open, confirming, reason, error, busy, what, start, cancel, ask, confirm };
  },
  template: `
    <div class="reverse">
      <button v-if="!open" type="button" class="btn btn-ghost btn-small" :disabled="!store.online" @click="start">Reverse</button>
      <form v-else class="form reverse-form" novalidate :aria-label="'Reverse transaction #' + tx.id" @submit.prevent="confirming ? confirm() : ask()">
        <div class="field"><label class="label" :for="'reverse-reason-' + tx.id">Reason</label>
          <input :id="'reverse-reason-' + tx.id" v-model="reason" maxlength="140" autocomplete="off" :disabled="confirming" :aria-describedby="'reverse-what-' + tx.id" @input="error = null"></div>
        <p :id="'reverse-what-' + tx.id" class="small muted">{{ what }}</p>
        <p v-if="error" class="form-error" role="alert">{{ error }}</p>
        <p v-if="confirming" class="small" role="status">Reverse #{{ tx.id }}? This cannot be undone.</p>
        <div class="input-row">
          <button type="submit" class="btn btn-small" :class="confirming ? 'btn-danger' : 'btn-secondary'" :disabled="busy || !store.online">{{ confirming ? 'Confirm reversal' : 'Reverse…' }}</button>
          <button type="button" class="btn btn-ghost btn-small" :disabled="busy" @click="cancel">Cancel</button>
        </div>
      </form>
    </div>`,
};
