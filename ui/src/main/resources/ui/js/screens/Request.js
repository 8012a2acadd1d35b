// Payment requests (pay by QR). Without an id: the vendor's form (amount, memo, how long it stays
// open). With ?id=…: the vendor sees the QR and the live status (polled until paid, cancelled or
// expired); anyone else who opened the link sees who asks for how much and why, and confirms once.
// The pay button sends one idempotency key per screen, so a double tap or a retry pays once.
import { ref, reactive, computed, watch, onMounted, onUnmounted } from 'vue';
import { request as call, newKey } from '../api.js';
import { store } from '../store.js';
import { refreshAccount } from '../live.js';
import { current, go } from '../router.js';
import { credits, parseAmount, fullTime } from '../format.js';
import ErrorBox from '../components/ErrorBox.js';
import CopyButton from '../components/CopyButton.js';
import Icon from '../components/Icon.js';

const POLL_MS = 1500;
const OPEN_FOR = [
  { seconds: 120, label: '2 minutes' },
  { seconds: 300, label: '5 minutes' },
  { seconds: 900, label: '15 minutes' },
  { seconds: 3600, label: '1 hour' },
];
const STATUS = { open: 'Waiting for payment', paid: 'Paid', cancelled: 'Cancelled', expired: 'Expired' };

export default {
  components: { ErrorBox, CopyButton, Icon },
  setup() {
    const form = reactive({ amount: '', memo: '', seconds: 300 });
    const amount = computed(() => parseAmount(form.amount));
    const amountError = computed(() => (form.amount !== '' && amount.value == null ? 'Enter an amount like 25 or 12.50.' : null));
    const req = ref(null);
    const error = ref(null);
    const busy = ref(false);
    const receipt = ref(null);
    const id = computed(() => current.query.get('id'));
    const mine = computed(() => req.value && store.user && req.value.vendor_account === store.user.account_number);
    let payKey = newKey();
    let timer = null;

    async function load() {
      if (!id.value) return;
      try {
        if (!store.user) await refreshAccount().catch(() => {});
        req.value = await call('GET', `/v1/requests/${encodeURIComponent(id.value)}`);
        if (req.value.status !== 'open') stop();
      } catch (e) {
        error.value = e.message;
        stop();
      }
    }
    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
    }
    function start() {
      stop();
      req.value = null;
      error.value = null;
      receipt.value = null;
      payKey = newKey();
      if (!id.value) return;
      load();
      timer = setInterval(load, POLL_MS);
    }

    async function create() {
      if (amount.value == null || !form.memo.trim()) {
        error.value = 'Enter an amount and what it is for.';
        return;
      }
      busy.value = true;
      error.value = null;
      try {
        const r = await call('POST', '/v1/requests', {
          body: { amount: amount.value, memo: form.memo.trim(), expires_in_seconds: form.seconds }, key: newKey(),
        });
        go('/request', { id: r.request.id });
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    async function pay() {
      busy.value = true;
      error.value = null;
      try {
        const r = await call('POST', `/v1/requests/${encodeURIComponent(id.value)}/pay`, { key: payKey });
        req.value = r.request;
        receipt.value = r.transaction;
        stop();
        refreshAccount().catch(() => {});
      } catch (e) {
        error.value = e.message;
        if (e.status === 409) load();
      } finally {
        busy.value = false;
      }
    }

    async function cancel() {
      busy.value = true;
      error.value = null;
      try {
        req.value = await call('POST', `/v1/requests/${encodeURIComponent(id.value)}/cancel`);
        stop();
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    onMounted(start);
    watch(id, start);
    onUnmounted(stop);
    return { store, form, amount, amountError, req, error, busy, receipt, id, mine, create, pay, cancel, credits, fullTime, OPEN_FOR, STATUS };
  },
  template: `
    <section class="payreq">
      <div class="screen-head">
        <a class="back" href="#/bank" aria-label="Back to bank"><Icon name="back" /></a>
        <h1>{{ id && req && !mine ? 'Pay request' : 'Request' }}</h1>
      </div>

      <form v-if="!id" class="card form" novalidate @submit.prevent="create">
        <p class="muted small">Ask for a fixed amount. The payer scans the code, confirms, and this screen shows it paid.</p>
        <div class="field">
          <label class="label" for="req-amount">Amount</label>
          <div class="amount-input"><span class="currency" aria-hidden="true">₡</span>
            <input id="req-amount" v-model="form.amount" class="num" inputmode="decimal" autocomplete="off" placeholder="0.00" aria-describedby="req-amount-hint"></div>
          <span id="req-amount-hint" :class="amountError ? 'field-error' : 'hint'">{{ amountError ?? 'What the payer pays, exactly.' }}</span>
        </div>
        <div class="field">
          <label class="label" for="req-memo">For</label>
          <input id="req-memo" v-model="form.memo" maxlength="140" autocomplete="off" placeholder="e.g. Noodle bowl">
        </div>
        <div class="field">
          <label class="label" for="req-open">Open for</label>
          <select id="req-open" v-model.number="form.seconds">
            <option v-for="o in OPEN_FOR" :key="o.seconds" :value="o.seconds">{{ o.label }}</option>
          </select>
        </div>
        <ErrorBox v-if="error" :message="error" :retryable="false" />
        <button type="submit" class="btn btn-primary" :disabled="busy || !store.online">Show QR code</button>
      </form>

      <template v-else>
        <ErrorBox v-if="error && !req" :message="error" :retryable="false" />
        <div v-else-if="!req" class="card"><div class="sk sk-qr"></div></div>

        <div v-else-if="mine" class="card receive-card payreq-vendor">
          <figure v-if="req.status === 'open'" class="qr" role="img" :aria-label="'QR code to pay ' + credits(req.amount)">
            <div class="qr-canvas"><img class="qr-img" :src="'/api/v1/requests/' + req.id + '/qr.svg'" alt="" width="240" height="240"></div>
          </figure>
          <p class="confirm-amount num">{{ credits(req.amount) }}</p>
          <p class="confirm-memo">“{{ req.memo }}”</p>
          <p class="payreq-status" :class="'is-' + req.status" role="status" aria-live="polite" data-test="request-status">
            {{ STATUS[req.status] }}<template v-if="req.status === 'paid' && req.payer_name"> by <strong>{{ req.payer_name }}</strong></template>
          </p>
          <p v-if="req.status === 'open'" class="muted small">Open until {{ fullTime(req.expires_at) }}</p>
          <div v-if="req.status === 'open'" class="link-row"><CopyButton :text="req.link" what="Request link" label="Copy link" /></div>
          <ErrorBox v-if="error" :message="error" :retryable="false" />
          <button v-if="req.status === 'open'" type="button" class="btn btn-ghost" :disabled="busy" @click="cancel">Cancel request</button>
          <a v-else class="btn btn-secondary" href="#/request">New request</a>
        </div>

        <div v-else class="card confirm" :class="{ receipt: receipt }">
          <p class="confirm-lead">{{ receipt ? 'Paid' : req.status === 'open' ? 'Asks you to pay' : STATUS[req.status] }}</p>
          <p class="confirm-amount num">{{ credits(req.amount) }}</p>
          <p class="confirm-to">to <strong>{{ req.vendor_name }}</strong> <span class="num muted payreq-acct">{{ req.vendor_account }}</span></p>
          <p class="confirm-memo">“{{ req.memo }}”</p>
          <ErrorBox v-if="error" :message="error" :retryable="false" />
          <button v-if="req.status === 'open' && !receipt" type="button" class="btn btn-primary" :disabled="busy || !store.online || store.user?.is_frozen" @click="pay" data-test="pay-request">Pay {{ credits(req.amount) }}</button>
          <p v-else-if="req.status === 'paid' && !receipt" class="muted">This request has already been paid.</p>
          <p v-else-if="req.status === 'expired'" class="muted">This request has expired. Ask the vendor for a new one.</p>
          <p v-else-if="req.status === 'cancelled'" class="muted">The vendor cancelled this request.</p>
          <a v-if="receipt || req.status !== 'open'" class="btn btn-secondary" href="#/bank">Back to bank</a>
        </div>
      </template>
    </section>`,
};
