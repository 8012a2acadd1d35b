// The "Chips" card of a user's page: their NFC tags (label, limits, spent today, blocked), link a
// new one by its UID, block or unblock, change the limits, unlink (after a confirm). Every server
// refusal is shown in the card.
import { ref, reactive, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { store } from '../../store.js';
import { credits, parseAmount } from '../../format.js';

export default {
  props: { account: { type: String, required: true } },
  setup(props) {
    const chips = ref(null);
    const busy = ref(null);
    const box = reactive({ error: null, done: null });
    const link = reactive({ uid: '', label: '', perCharge: '', perDay: '' });
    const editing = ref(null);
    const limits = reactive({ perCharge: '', perDay: '' });
    const unlinking = ref(null);

    async function load() {
      try {
        chips.value = (await adminApi.chips(props.account)).chips;
      } catch (e) {
        box.error = e.message;
      }
    }
    async function act(what, work) {
      busy.value = what;
      box.error = null;
      box.done = null;
      try {
        box.done = await work();
        chips.value = (await adminApi.chips(props.account)).chips;
      } catch (e) {
        box.error = e.message;
      } finally {
        busy.value = null;
      }
    }
    // An empty limit is left out (the server's default); anything else must be an amount.
    function amounts(perCharge, perDay) {
      const out = {};
      for (const [key, text] of [['per_charge_limit', perCharge], ['per_day_limit', perDay]]) {
        if (String(text).trim() === '') continue;
        const n = parseAmount(text);
        if (n === null) {
          box.error = 'Limits are amounts greater than 0, with at most two decimals.';
          return null;
        }
        out[key] = n;
      }
      return out;
    }
    function doLink() {
      box.error = null;
      box.done = null;
      if (!link.uid.trim() || !link.label.trim()) {
        box.error = 'The UID and a label are required.';
        return null;
      }
      const l = amounts(link.perCharge, link.perDay);
      if (l === null) return null;
      return act('link', async () => {
        const r = await adminApi.linkChip({ uid: link.uid.trim(), account_number: props.account, label: link.label.trim(), ...l });
        Object.assign(link, { uid: '', label: '', perCharge: '', perDay: '' });
        return r.message;
      });
    }
    function edit(c) {
      editing.value = c.id;
      unlinking.value = null;
      limits.perCharge = String(c.per_charge_limit);
      limits.perDay = String(c.per_day_limit);
    }
    function saveLimits(c) {
      box.error = null;
      box.done = null;
      const l = amounts(limits.perCharge, limits.perDay);
      if (l === null) return null;
      return act('limits', async () => {
        const r = await adminApi.chipLimits(c.id, l);
        editing.value = null;
        return r.message;
      });
    }
    function setBlocked(c, blocked) {
      return act('block', async () => (blocked ? await adminApi.blockChip(c.id) : await adminApi.unblockChip(c.id)).message);
    }
    function unlink(c) {
      return act('unlink', async () => {
        const r = await adminApi.unlinkChip(c.id);
        unlinking.value = null;
        return `${r.message}: ${c.label}.`;
      });
    }

    onMounted(load);
    return { chips, busy, box, link, editing, limits, unlinking, store, credits, doLink, edit, saveLimits, setBlocked, unlink };
  },
  template: `
    <section class="card" aria-labelledby="user-chips">
      <h2 id="user-chips">Chips</h2>
      <p class="small muted">NFC tags that pay from this account. Above a chip's limits the terminal asks for the player's PIN.</p>
      <ul v-if="chips === null && !box.error" class="key-list" aria-label="Loading chips"><li class="key-row"><span class="sk sk-line"></span></li></ul>
      <p v-else-if="chips && chips.length === 0" class="empty muted">No chips linked.</p>
      <ul v-else-if="chips" class="key-list" aria-label="Chips">
        <li v-for="c in chips" :key="c.id" class="key-row" :data-chip="c.id">
          <div class="key-head"><strong>{{ c.label }}</strong><span v-if="c.blocked" class="pill pill-off">Blocked</span><span v-else class="pill pill-good">Active</span></div>
          <div class="small">Up to {{ credits(c.per_charge_limit) }} a tap, {{ credits(c.per_day_limit) }} a day without PIN</div>
          <div class="small muted">{{ credits(c.spent_today) }} spent today</div>
          <form v-if="editing === c.id" class="form" novalidate :aria-label="'Limits of ' + c.label" @submit.prevent="saveLimits(c)">
            <div class="field"><label class="label" :for="'chip-pc-' + c.id">Per charge</label><input :id="'chip-pc-' + c.id" v-model="limits.perCharge" class="num" inputmode="decimal" autocomplete="off"></div>
            <div class="field"><label class="label" :for="'chip-pd-' + c.id">Per day</label><input :id="'chip-pd-' + c.id" v-model="limits.perDay" class="num" inputmode="decimal" autocomplete="off"></div>
            <div class="input-row wrap-row">
              <button type="submit" class="btn btn-secondary btn-small" :disabled="busy !== null || !store.online">Save limits</button>
              <button type="button" class="btn btn-ghost btn-small" @click="editing = null">Cancel</button>
            </div>
          </form>
          <div class="input-row wrap-row">
            <button v-if="c.blocked" type="button" class="btn btn-secondary btn-small" :aria-label="'Unblock ' + c.label" :disabled="busy !== null || !store.online" @click="setBlocked(c, false)">Unblock</button>
            <button v-else type="button" class="btn btn-ghost btn-small" :aria-label="'Block ' + c.label" :disabled="busy !== null || !store.online" @click="setBlocked(c, true)">Block</button>
            <button v-if="editing !== c.id" type="button" class="btn btn-ghost btn-small" :aria-label="'Limits of ' + c.label" :disabled="busy !== null" @click="edit(c)">Limits</button>
            <button v-if="unlinking !== c.id" type="button" class="btn btn-danger btn-small" :aria-label="'Unlink ' + c.label" :disabled="busy !== null" @click="unlinking = c.id; editing = null">Unlink</button>
            <template v-else>
              <button type="button" class="btn btn-danger btn-small" :disabled="busy !== null || !store.online" @click="unlink(c)">Confirm unlink</button>
              <button type="button" class="btn btn-ghost btn-small" @click="unlinking = null">Keep</button>
            </template>
          </div>
        </li>
      </ul>
      <p v-if="box.error" class="form-error" role="alert">{{ box.error }}</p>
      <p v-else-if="box.done" class="ok-text" role="status">{{ box.done }}</p>
      <form class="form chip-link" novalidate aria-label="Link a chip" @submit.prevent="doLink">
        <h3 class="label">Link a chip</h3>
        <div class="field"><label class="label" for="chip-uid">UID</label><input id="chip-uid" v-model="link.uid" autocomplete="off" spellcheck="false" aria-describedby="chip-uid-hint"><span id="chip-uid-hint" class="hint">As the reader shows it, e.g. 04:A2:2B:1C:6E:5D:80.</span></div>
        <div class="field"><label class="label" for="chip-label">Label</label><input id="chip-label" v-model="link.label" maxlength="40" autocomplete="off"></div>
        <div class="field"><label class="label" for="chip-per-charge">Per-charge limit</label><div class="amount-input"><span class="currency" aria-hidden="true">₡</span><input id="chip-per-charge" v-model="link.perCharge" class="num" inputmode="decimal" autocomplete="off" placeholder="25"></div></div>
        <div class="field"><label class="label" for="chip-per-day">Per-day limit</label><div class="amount-input"><span class="currency" aria-hidden="true">₡</span><input id="chip-per-day" v-model="link.perDay" class="num" inputmode="decimal" autocomplete="off" placeholder="100"></div></div>
        <button type="submit" class="btn btn-primary btn-block" :disabled="busy !== null || !store.online">Link chip</button>
      </form>
    </section>`,
};
