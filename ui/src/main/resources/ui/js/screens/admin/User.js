// One character, as a GM sees them: balance, lifetime totals, faction, state and paged history;
// adjust the balance (with a reason), freeze or unfreeze (with a reason), reset the password,
// grant or take GM rights (never one's own).
import { ref, reactive, computed, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { newKey } from '../../api.js';
import { store, toast } from '../../store.js';
import { current } from '../../router.js';
import { credits, fullTime, parseAmount } from '../../format.js';
import AdminNav from './AdminNav.js';
import TxRow from '../../components/TxRow.js';
import ErrorBox from '../../components/ErrorBox.js';
import Reverse from './Reverse.js';
import UserChips from './UserChips.js';

const PAGE = 20;

export default {
  components: { AdminNav, TxRow, ErrorBox, Reverse, UserChips },
  setup() {
    const account = current.query.get('acct') ?? '';
    const details = ref(null);
    const error = ref(null);
    const rows = ref(null);
    const offset = ref(0);
    const more = ref(false);
    const busy = ref(null);
    const adjust = reactive({ direction: 'add', amount: '', reason: '', key: null, error: null, done: null });
    const state = reactive({ reason: '', error: null, done: null });
    const pw = reactive({ value: '', error: null, done: null });
    const gm = reactive({ error: null, done: null });
    const user = computed(() => details.value?.user);
    const me = computed(() => store.user?.account_number === account);

    async function load() {
      error.value = null;
      try {
        details.value = await adminApi.user(account);
        await page(0);
      } catch (e) {
        error.value = e.message;
      }
    }
    async function page(at) {
      const r = await adminApi.userHistory(account, PAGE + 1, at);
      more.value = r.transactions.length > PAGE;
      rows.value = r.transactions.slice(0, PAGE);
      offset.value = at;
    }
    async function turn(at) {
      try {
        await page(at);
      } catch (e) {
        error.value = e.message;
      }
    }

    async function act(what, box, work) {
      busy.value = what;
      box.error = null;
      box.done = null;
      try {
        box.done = await work();
        details.value = await adminApi.user(account);
        await page(0);
      } catch (e) {
        box.error = e.message;
      } finally {
        busy.value = null;
      }
    }

    function doAdjust() {
      const n = parseAmount(adjust.amount);
      if (n === null) {
        adjust.error = 'Enter an amount greater than 0, with at most two decimals.';
        return null;
      }
      if (!adjust.reason.trim()) {
        adjust.error = 'A reason is required: it goes into the journal and the audit log.';
        return null;
      }
      // One key per intended adjustment: a retry after a lost answer cannot pay twice.
      adjust.key ??= newKey();
      const amount = adjust.direction === 'add' ? n : -n;
      return act('adjust', adjust, async () => {
        const r = await adminApi.adjust(account, amount, adjust.reason.trim(), adjust.key);
        adjust.key = null;
        adjust.amount = '';
        adjust.reason = '';
        return `${r.message ?? 'Balance adjusted'}. New balance ${credits(r.new_balance)}.`;
      });
    }
    function setFrozen(frozen) {
      if (!state.reason.trim()) {
        state.error = 'A reason is required.';
        return null;
      }
      return act('state', state, async () => {
        const r = frozen ? await adminApi.freeze(account, state.reason.trim()) : await adminApi.unfreeze(account, state.reason.trim());
        state.reason = '';
        return r.message;
      });
    }
    function resetPassword() {
      return act('password', pw, async () => {
        const r = await adminApi.resetPassword(account, pw.value);
        pw.value = '';
        return r.message;
      });
    }
    function toggleGm() {
      return act('gm', gm, async () => {
        const r = await adminApi.toggleGm(account);
        toast(r.message);
        return r.message;
      });
    }

    // After a reversal both rows show their link: the balance and this page are read again.
    async function reversed(r) {
      toast(r.message ?? `Reversed #${r.original.id}`);
      try {
        details.value = await adminApi.user(account);
        await page(offset.value);
      } catch (e) {
        error.value = e.message;
      }
    }

    onMounted(load);
    return { reversed, account, details, user, error, rows, offset, more, busy, adjust, state, pw, gm, me, store, PAGE, credits, fullTime, load, turn, doAdjust, setFrozen, resetPassword, toggleGm };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <div class="screen-head"><a class="back" href="#/admin/users" aria-label="Back to users">‹</a><h1>{{ user?.character_name ?? account }}</h1></div>
      <ErrorBox v-if="error" :message="error" @retry="load" />
      <div v-else-if="!user" class="sk sk-card" role="status" aria-label="Loading user"></div>
      <div v-else class="admin-grid">
        <div>
          <section class="card" aria-labelledby="user-summary">
            <h2 id="user-summary" class="sr-only">Summary</h2>
            <div class="balance-label">Balance</div>
            <div class="balance num" role="status" aria-live="polite" aria-label="User balance">{{ credits(user.balance) }}</div>
            <dl class="facts">
              <div><dt>Account</dt><dd class="num">{{ user.account_number }}</dd></div>
              <div><dt>Faction</dt><dd>{{ user.faction || '—' }}</dd></div>
              <div><dt>State</dt><dd><span v-if="user.is_frozen" class="pill pill-off">Frozen</span><span v-else class="pill pill-good">Active</span> <span v-if="user.is_admin" class="pill pill-good">GM</span></dd></div>
              <div><dt>Received in all</dt><dd class="num">{{ credits(details.total_received) }}</dd></div>
              <div><dt>Sent in all</dt><dd class="num">{{ credits(details.total_sent) }}</dd></div>
              <div><dt>Since</dt><dd>{{ fullTime(user.created_at) }}</dd></div>
            </dl>
          </section>

          <section class="card" aria-labelledby="user-adjust">
            <h2 id="user-adjust">Adjust balance</h2>
            <form class="form" novalidate @submit.prevent="doAdjust">
              <fieldset class="segmented">
                <legend class="label">Direction</legend>
                <label><input v-model="adjust.direction" type="radio" name="direction" value="add"> Add credits</label>
                <label><input v-model="adjust.direction" type="radio" name="direction" value="take"> Take credits</label>
              </fieldset>
              <div class="field"><label class="label" for="adjust-amount">Amount</label>
                <div class="amount-input"><span class="currency" aria-hidden="true">₡</span><input id="adjust-amount" v-model="adjust.amount" class="num" inputmode="decimal" autocomplete="off" @input="adjust.key = null"></div></div>
              <div class="field"><label class="label" for="adjust-reason">Reason</label><input id="adjust-reason" v-model="adjust.reason" maxlength="140" autocomplete="off" @input="adjust.key = null"></div>
              <p v-if="adjust.error" class="form-error" role="alert">{{ adjust.error }}</p>
              <p v-else-if="adjust.done" class="ok-text" role="status">{{ adjust.done }}</p>
              <button type="submit" class="btn btn-primary btn-block" :disabled="busy !== null || !store.online">Adjust</button>
            </form>
          </section>

          <section class="card" aria-labelledby="user-state">
            <h2 id="user-state">Freeze or unfreeze</h2>
            <p class="small muted">A frozen character cannot log in, pay or be paid; their open app logs out at once.</p>
            <form class="form" novalidate @submit.prevent="setFrozen(!user.is_frozen)">
              <div class="field"><label class="label" for="state-reason">Reason</label><input id="state-reason" v-model="state.reason" maxlength="140" autocomplete="off"></div>
              <p v-if="state.error" class="form-error" role="alert">{{ state.error }}</p>
              <p v-else-if="state.done" class="ok-text" role="status">{{ state.done }}</p>
              <button v-if="user.is_frozen" type="submit" class="btn btn-secondary btn-block" :disabled="busy !== null || !store.online">Unfreeze</button>
              <button v-else type="submit" class="btn btn-danger btn-block" :disabled="busy !== null || !store.online || me">Freeze</button>
            </form>
          </section>

          <section class="card" aria-labelledby="user-access">
            <h2 id="user-access">Password and GM rights</h2>
            <form class="form" novalidate @submit.prevent="resetPassword">
              <div class="field"><label class="label" for="reset-password">New password</label><input id="reset-password" v-model="pw.value" type="password" autocomplete="new-password" aria-describedby="reset-hint"><span id="reset-hint" class="hint">At least 8 characters. Their other sessions are logged out.</span></div>
              <p v-if="pw.error" class="form-error" role="alert">{{ pw.error }}</p>
              <p v-else-if="pw.done" class="ok-text" role="status">{{ pw.done }}</p>
              <button type="submit" class="btn btn-secondary btn-block" :disabled="busy !== null || !store.online || !pw.value">Reset password</button>
            </form>
            <div class="form gm-rights">
              <p v-if="me" class="small muted">These are your own GM rights: another GM can change them, you cannot.</p>
              <p v-if="gm.error" class="form-error" role="alert">{{ gm.error }}</p>
              <button type="button" class="btn btn-ghost btn-block" :disabled="busy !== null || !store.online || me" @click="toggleGm">{{ user.is_admin ? 'Take GM rights' : 'Grant GM rights' }}</button>
            </div>
          </section>

          <UserChips :account="account" />
        </div>

        <section class="card" aria-labelledby="user-history">
          <h2 id="user-history">History</h2>
          <ul v-if="rows === null" class="tx-list" aria-label="Loading history"><li v-for="n in 4" :key="n" class="tx tx-skeleton"><span class="sk sk-line"></span></li></ul>
          <p v-else-if="rows.length === 0" class="empty muted">No journal rows for this character yet.</p>
          <ul v-else class="tx-list" aria-label="Transactions"><template v-for="tx in rows" :key="tx.id"><TxRow :tx="tx" :me="account" />
            <li v-if="tx.reversed_by == null && tx.reversal_of == null" class="tx-reverse"><Reverse :tx="tx" @done="reversed" /></li></template></ul>
          <div class="pager" v-if="offset > 0 || more">
            <button type="button" class="btn btn-ghost btn-small" :disabled="offset === 0" @click="turn(Math.max(0, offset - PAGE))">Newer</button>
            <span class="small muted">Rows {{ offset + 1 }}–{{ offset + (rows?.length ?? 0) }}</span>
            <button type="button" class="btn btn-ghost btn-small" :disabled="!more" @click="turn(offset + PAGE)">Older</button>
          </div>
        </section>
      </div>
    </section>`,
};
