// The bank: the balance, large and live; the account number with copy and QR; Send, Receive and
// Scan; and the history, newest first, with search and paging.
import { ref, computed, watch, onMounted } from 'vue';
import { api } from '../api.js';
import { store } from '../store.js';
import { credits, when } from '../format.js';
import { payLink } from '../paylink.js';
import TxRow from '../components/TxRow.js';
import QrCode from '../components/QrCode.js';
import CopyButton from '../components/CopyButton.js';
import ErrorBox from '../components/ErrorBox.js';
import Icon from '../components/Icon.js';

export default {
  components: { TxRow, QrCode, CopyButton, ErrorBox, Icon },
  setup() {
    const rows = ref(null);
    const cursor = ref(null);
    const error = ref(null);
    const loadingMore = ref(false);
    const query = ref('');
    const results = ref(null);
    const searching = ref(false);
    const showQr = ref(false);
    const me = computed(() => store.user?.account_number ?? store.last?.account ?? '');
    const shownBalance = computed(() => store.user?.balance ?? store.last?.balance);
    const link = computed(() => payLink({ to: me.value }));

    async function load() {
      error.value = null;
      try {
        const r = await api.history(null);
        rows.value = r.transactions;
        cursor.value = r.next_cursor ?? null;
      } catch (e) {
        error.value = e.message;
      }
    }

    async function more() {
      if (!cursor.value || loadingMore.value) return;
      loadingMore.value = true;
      try {
        const r = await api.history(cursor.value);
        rows.value = rows.value.concat(r.transactions);
        cursor.value = r.next_cursor ?? null;
      } catch (e) {
        error.value = e.message;
      } finally {
        loadingMore.value = false;
      }
    }

    let searchTimer = null;
    async function search() {
      clearTimeout(searchTimer);
      const text = query.value.trim();
      if (!text) {
        results.value = null;
        return;
      }
      searching.value = true;
      try {
        results.value = (await api.search(text)).transactions;
        error.value = null;
      } catch (e) {
        error.value = e.message;
      } finally {
        searching.value = false;
      }
    }
    watch(query, () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(search, 300);
    });
    // A live balance change, a send or a spin: the newest rows are worth fetching again.
    watch(() => store.activity, () => {
      load();
      if (query.value.trim()) search();
    });
    onMounted(load);

    const shown = computed(() => (results.value ?? rows.value));
    return { store, shownBalance, when, rows, cursor, error, loadingMore, query, results, searching, showQr, me, link, shown, credits, load, more, search };
  },
  template: `
    <section class="bank">
      <h1 class="sr-only">Bank</h1>
      <div class="card balance-card" :class="{ frozen: store.user?.is_frozen }">
        <div class="balance-label" id="balance-label">Balance</div>
        <div class="balance num" role="status" aria-live="polite" aria-label="Balance">
          <span v-if="shownBalance == null" class="sk sk-balance"></span>
          <span v-else>{{ credits(shownBalance) }}</span>
        </div>
        <p v-if="!store.user && store.last" class="stale small">Last known balance, {{ when(store.last.at) }}. It updates when the bank answers.</p>
        <div class="account-line">
          <div class="account-id">
            <span class="mini-label">Account</span>
            <span class="account num">{{ me || '…' }}</span>
          </div>
          <div class="account-buttons">
            <CopyButton v-if="me" :text="me" what="Account number" label="Copy" />
            <button type="button" class="btn btn-ghost btn-small" :aria-expanded="showQr ? 'true' : 'false'" @click="showQr = !showQr"><Icon name="qr" /> QR</button>
          </div>
        </div>
        <div v-if="showQr && me" class="qr-wrap">
          <QrCode :text="link" :label="'QR code to pay ' + me" />
          <p class="muted small">Others scan this with their phone camera to pay you.</p>
        </div>
        <p v-if="store.user?.is_frozen" class="frozen-note" role="alert">❄ This account is frozen: nothing can be sent or received. Talk to a GM.</p>
      </div>

      <div class="actions">
        <a class="btn btn-primary action-main" href="#/send" :class="{ disabled: !store.online || store.user?.is_frozen }" :aria-disabled="!store.online || store.user?.is_frozen ? 'true' : null"><Icon name="send" /> Send</a>
        <a class="btn btn-secondary" href="#/receive"><Icon name="receive" /> Receive</a>
        <a class="btn btn-secondary" href="#/send?scan=1" :class="{ disabled: !store.online }" :aria-disabled="!store.online ? 'true' : null"><Icon name="scan" /> Scan</a>
      </div>

      <section class="card history" aria-labelledby="history-title">
        <div class="history-head">
          <h2 id="history-title">History</h2>
          <span v-if="store.user?.free_spins" class="pill pill-warm">{{ store.user.free_spins }} free spins</span>
        </div>
        <label v-if="rows === null || rows.length > 0 || query" class="field search">
          <span class="sr-only">Search history</span>
          <input v-model="query" type="search" placeholder="Search history" aria-label="Search history" enterkeyhint="search" @keydown.enter.prevent="search">
        </label>
        <ErrorBox v-if="error" :message="error" @retry="query ? search() : load()" />
        <ul v-if="shown === null && !error" class="tx-list" aria-label="Loading history">
          <li v-for="n in 4" :key="n" class="tx tx-skeleton"><span class="sk sk-icon"></span><span class="sk sk-line"></span></li>
        </ul>
        <div v-else-if="shown !== null && shown.length === 0" class="empty">
          <template v-if="results !== null"><p>Nothing matches “{{ query }}”.</p></template>
          <template v-else>
            <div class="empty-icon" aria-hidden="true">◇</div>
            <p><strong>No activity yet.</strong></p>
            <p class="muted">Your credits will show here. Send some to a friend, have them scan your QR code, or try your luck at the casino.</p>
          </template>
        </div>
        <ul v-else-if="shown !== null" class="tx-list" :aria-label="results !== null ? 'Search results' : 'Transactions'" :aria-busy="searching ? 'true' : 'false'">
          <TxRow v-for="tx in shown" :key="tx.id" :tx="tx" :me="me" />
        </ul>
        <button v-if="results === null && cursor" type="button" class="btn btn-ghost btn-block" :disabled="loadingMore || !store.online" @click="more">
          {{ loadingMore ? 'Loading…' : 'Older transactions' }}
        </button>
      </section>
    </section>`,
};
