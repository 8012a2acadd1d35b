// Send credits: recipient account → their name shown → amount → memo → confirm → receipt.
// One idempotency key per send, made when the player reaches "Confirm" and kept (also across a
// reload) until the bank's answer is definite: a double tap, a retry or a dropped connection can
// never pay twice. Also the target of pay links (#/pay?to=…&amount=…&memo=…) and of the scanner.
import { ref, reactive, computed, watch, onMounted, nextTick } from 'vue';
import { api, newKey } from '../api.js';
import { store, setUser, noteActivity } from '../store.js';
import { current, go } from '../router.js';
import { credits, parseAmount, accountNumber } from '../format.js';
import { fromQuery, readPayment } from '../paylink.js';
import ErrorBox from '../components/ErrorBox.js';
import Scanner from '../components/Scanner.js';
import Icon from '../components/Icon.js';

const PENDING = 'neobank.pendingSend';
const MEMO_MAX = 140;

function loadPending() {
  try {
    return JSON.parse(localStorage.getItem(PENDING) ?? 'null');
  } catch {
    return null;
  }
}

export default {
  components: { ErrorBox, Scanner, Icon },
  setup() {
    const form = reactive({ to: '', amount: '', memo: '' });
    const recipient = ref(null);
    const lookupError = ref(null);
    const looking = ref(false);
    const step = ref('form');
    const pending = ref(null);
    const error = ref(null);
    const busy = ref(false);
    const receipt = ref(null);
    const scanning = ref(false);
    const isPayLink = current.path === '/pay';

    const amount = computed(() => parseAmount(form.amount));
    const amountError = computed(() => {
      if (form.amount === '') return null;
      if (amount.value == null) return 'Enter an amount like 25 or 12.50.';
      if (store.user && amount.value > Number(store.user.balance)) return `That is more than your balance of ${credits(store.user.balance)}.`;
      return null;
    });
    const ready = computed(() => recipient.value && amount.value != null && !amountError.value && form.memo.length <= MEMO_MAX);

    let lookupSeq = 0;
    let lastLookup = Promise.resolve();
    function lookup() {
      lastLookup = findRecipient();
      return lastLookup;
    }
    async function findRecipient() {
      const number = accountNumber(form.to);
      recipient.value = null;
      lookupError.value = null;
      if (!form.to.trim()) return;
      if (!number) {
        lookupError.value = 'Account numbers look like NC-7KQ2-M9XD.';
        return;
      }
      if (number === store.user?.account_number) {
        lookupError.value = 'That is your own account.';
        return;
      }
      const mine = ++lookupSeq;
      looking.value = true;
      try {
        const r = await api.lookup(number);
        if (mine === lookupSeq) {
          recipient.value = r;
          form.to = r.account_number;
        }
      } catch (e) {
        if (mine === lookupSeq) lookupError.value = e.status === 404 ? 'No account has that number.' : e.message;
      } finally {
        if (mine === lookupSeq) looking.value = false;
      }
    }
    watch(() => form.to, (v) => {
      if (recipient.value && recipient.value.account_number !== accountNumber(v)) recipient.value = null;
      if (accountNumber(v)) lookup();
    });

    function review() {
      if (!ready.value) return;
      const body = { to_account: recipient.value.account_number, amount: amount.value, memo: form.memo.trim() };
      pending.value = { key: newKey(), body, name: recipient.value.character_name };
      error.value = null;
      step.value = 'confirm';
    }

    function edit() {
      pending.value = null;
      error.value = null;
      step.value = 'form';
    }

    async function confirm(attempt = 0) {
      if (busy.value && attempt === 0) return;
      busy.value = true;
      error.value = null;
      localStorage.setItem(PENDING, JSON.stringify(pending.value));
      try {
        const r = await api.send(pending.value.body, pending.value.key);
        localStorage.removeItem(PENDING);
        receipt.value = { ...r.transaction, name: pending.value.name, newBalance: r.new_balance };
        if (store.user) setUser({ ...store.user, balance: r.new_balance });
        noteActivity();
        navigator.vibrate?.([40, 40, 80]);
        step.value = 'done';
      } catch (e) {
        if (e.status === 409 && attempt < 5) {
          // The first request with this key is still running: ask again shortly, same key.
          await new Promise((ok) => setTimeout(ok, 1000));
          return confirm(attempt + 1);
        }
        if (e.network || e.status >= 500 || e.status === 409 || e.status === 429) {
          step.value = 'unknown';
          error.value = e.message;
        } else {
          // A definite refusal moved nothing: a new attempt gets a new key.
          localStorage.removeItem(PENDING);
          error.value = e.message;
          if (e.status !== 401) pending.value = { ...pending.value, key: newKey() };
        }
      } finally {
        busy.value = false;
      }
    }

    function discard() {
      localStorage.removeItem(PENDING);
      pending.value = null;
      error.value = null;
      step.value = 'form';
    }

    function scanned(text) {
      scanning.value = false;
      const asked = String(text ?? '').match(/#\/request\?id=([A-Za-z0-9_-]{22})/);
      if (asked) {
        go('/request', { id: asked[1] });
        return;
      }
      const p = readPayment(text);
      if (!p) {
        lookupError.value = 'That QR code is not a NeoBank account or pay link.';
        return;
      }
      prefill(p);
    }

    function prefill(p) {
      form.to = p.to;
      if (p.amount != null) form.amount = String(p.amount);
      if (p.memo) form.memo = p.memo;
    }

    onMounted(async () => {
      const open = loadPending();
      if (open) {
        pending.value = open;
        step.value = 'unknown';
        error.value = 'A payment did not get a definite answer before the app closed.';
        return;
      }
      if (current.query.get('scan')) scanning.value = true;
      const p = isPayLink ? fromQuery(current.query) : null;
      if (isPayLink && !p) lookupError.value = 'This pay link has no valid account number.';
      if (p) {
        prefill(p);
        await nextTick(); // the recipient watcher has started its lookup
        await lastLookup;
        if (p.amount != null && ready.value) review();
      }
    });

    return {
      store, form, recipient, lookupError, looking, step, pending, error, busy, receipt, scanning, isPayLink,
      amount, amountError, ready, credits, MEMO_MAX, lookup, review, edit, confirm, discard, scanned, go,
    };
  },
  template: `
    <section class="send">
      <div class="screen-head">
        <a class="back" href="#/bank" aria-label="Back to bank"><Icon name="back" /></a>
        <h1>{{ isPayLink ? 'Pay' : 'Send credits' }}</h1>
      </div>

      <Scanner v-if="scanning" @found="scanned" @close="scanning = false" />

      <form v-if="step === 'form'" class="card form" novalidate @submit.prevent="review">
        <div class="field">
          <label class="label" for="send-to">Recipient account</label>
          <div class="input-row">
            <input id="send-to" v-model="form.to" class="num" autocomplete="off" autocapitalize="characters" spellcheck="false"
                   placeholder="NC-XXXX-XXXX" inputmode="text" aria-describedby="send-to-who" @blur="lookup">
            <button type="button" class="btn btn-secondary btn-icon" :disabled="!store.online" @click="scanning = true" aria-label="Scan a QR code"><Icon name="scan" /></button>
          </div>
          <div id="send-to-who" class="recipient" aria-live="polite">
            <span v-if="looking" class="muted">Looking up…</span>
            <span v-else-if="recipient" class="recipient-found"><span class="check" aria-hidden="true">✓</span>
              <strong class="recipient-name">{{ recipient.character_name }}</strong><span v-if="recipient.faction" class="muted"> · {{ recipient.faction }}</span></span>
            <span v-else-if="lookupError" class="field-error">{{ lookupError }}</span>
          </div>
        </div>
        <div class="field">
          <label class="label" for="send-amount">Amount</label>
          <div class="amount-input"><span class="currency" aria-hidden="true">₡</span>
            <input id="send-amount" v-model="form.amount" class="num" inputmode="decimal" autocomplete="off" placeholder="0.00" aria-describedby="send-amount-hint"></div>
          <span id="send-amount-hint" :class="amountError ? 'field-error' : 'hint'">{{ amountError ?? ('Available: ' + credits(store.user?.balance ?? 0)) }}</span>
        </div>
        <div class="field">
          <label class="label" for="send-memo">Memo</label>
          <input id="send-memo" v-model="form.memo" :maxlength="MEMO_MAX" autocomplete="off" placeholder="What is it for? (optional)">
        </div>
        <button type="submit" class="btn btn-primary btn-block" :disabled="!ready || !store.online || store.user?.is_frozen">Send</button>
      </form>

      <div v-else-if="step === 'confirm' || step === 'unknown'" class="card confirm">
        <p class="confirm-lead">{{ step === 'unknown' ? 'Not confirmed yet' : 'You are sending' }}</p>
        <div class="confirm-amount num">{{ credits(pending.body.amount) }}</div>
        <p class="confirm-to">to <strong class="recipient-name">{{ pending.name }}</strong></p>
        <p class="num muted">{{ pending.body.to_account }}</p>
        <p v-if="pending.body.memo" class="confirm-memo">“{{ pending.body.memo }}”</p>
        <ErrorBox v-if="error" :message="error" :retryable="false" />
        <p v-if="step === 'unknown'" class="muted small">Trying again is safe: this payment carries the same key, so the bank can never take it twice.</p>
        <button type="button" class="btn btn-primary btn-block" :disabled="busy || !store.online" @click="confirm()">
          {{ busy ? 'Sending…' : (step === 'unknown' ? 'Try again' : 'Confirm') }}
        </button>
        <button v-if="step === 'confirm'" type="button" class="btn btn-ghost btn-block" :disabled="busy" @click="edit">Edit</button>
        <button v-else type="button" class="btn btn-ghost btn-block" :disabled="busy" @click="discard">Discard</button>
      </div>

      <div v-else-if="step === 'done'" class="card receipt" role="status" aria-live="polite">
        <div class="receipt-check"><Icon name="check" /></div>
        <h2>Sent</h2>
        <div class="confirm-amount num">{{ credits(receipt.amount) }}</div>
        <p class="confirm-to">to <strong class="recipient-name">{{ receipt.name }}</strong></p>
        <p v-if="receipt.memo" class="confirm-memo">“{{ receipt.memo }}”</p>
        <dl class="receipt-facts">
          <div><dt>New balance</dt><dd class="num">{{ credits(receipt.newBalance) }}</dd></div>
          <div><dt>Reference</dt><dd class="num">#{{ receipt.id }}</dd></div>
        </dl>
        <button type="button" class="btn btn-primary btn-block" @click="go('/bank')">Done</button>
      </div>
    </section>`,
};
