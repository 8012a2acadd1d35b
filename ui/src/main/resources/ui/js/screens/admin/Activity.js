// Activity: the live journal (new rows appear within 2 s, no reload), the audit log with filters,
// and the ledger's verification on demand.
import { ref, reactive, computed, onMounted, onBeforeUnmount } from 'vue';
import { adminApi } from './adminApi.js';
import { store } from '../../store.js';
import { credits, fullTime } from '../../format.js';
import AdminNav from './AdminNav.js';
import FeedRow from './FeedRow.js';
import ErrorBox from '../../components/ErrorBox.js';

const FEED_MAX = 200;
const FEED_EVERY_MS = 2000;
const AUDIT_PAGE = 100;

export default {
  components: { AdminNav, FeedRow, ErrorBox },
  setup() {
    const feed = ref(null);
    const feedError = ref(null);
    const audit = ref(null);
    const auditError = ref(null);
    const auditOffset = ref(0);
    const auditMore = ref(false);
    const filter = reactive({ action: '', admin: '', text: '' });
    const verifying = ref(false);
    const verdict = ref(null);
    const verifyError = ref(null);
    let timer = null;
    let alive = true;

    async function loadFeed() {
      feedError.value = null;
      try {
        feed.value = (await adminApi.transactions(50, 0)).transactions;
      } catch (e) {
        feedError.value = e.message;
      }
      schedule();
    }
    // Asks again for a window of ids just below the newest one shown as well as everything after
    // it: on PostgreSQL ids are taken before commit, so a slow payment can become visible after a
    // newer one was shown; re-asking the window puts it in its place instead of losing it.
    const LATE_WINDOW = 100;
    async function follow() {
      timer = null;
      if (!alive) return;
      if (document.visibilityState === 'visible' && feed.value) {
        try {
          const newest = feed.value[0]?.id ?? 0;
          const r = await adminApi.transactionsAfter(Math.max(0, newest - LATE_WINDOW), 500);
          const known = new Set(feed.value.map((tx) => tx.id));
          const fresh = r.transactions.filter((tx) => !known.has(tx.id));
          if (fresh.length) feed.value = fresh.concat(feed.value).sort((a, b) => b.id - a.id).slice(0, FEED_MAX);
          feedError.value = null;
        } catch (e) {
          feedError.value = e.message;
        }
      }
      schedule();
    }
    function schedule() {
      clearTimeout(timer);
      if (alive) timer = setTimeout(follow, FEED_EVERY_MS);
    }

    async function loadAudit(at = 0) {
      auditError.value = null;
      try {
        const r = await adminApi.audit(AUDIT_PAGE + 1, at);
        auditMore.value = r.logs.length > AUDIT_PAGE;
        audit.value = r.logs.slice(0, AUDIT_PAGE);
        auditOffset.value = at;
      } catch (e) {
        auditError.value = e.message;
      }
    }
    const actions = computed(() => [...new Set((audit.value ?? []).map((a) => a.action))].sort());
    const gms = computed(() => [...new Set((audit.value ?? []).map((a) => a.admin))].sort());
    const shownAudit = computed(() => (audit.value ?? []).filter((a) => (!filter.action || a.action === filter.action)
      && (!filter.admin || a.admin === filter.admin)
      && (!filter.text || `${a.target} ${a.details}`.toLowerCase().includes(filter.text.trim().toLowerCase()))));

    async function verify() {
      verifying.value = true;
      verifyError.value = null;
      try {
        verdict.value = await adminApi.verify();
      } catch (e) {
        verifyError.value = e.message;
      } finally {
        verifying.value = false;
      }
    }

    // The original gets its link at once; the reversal row itself arrives with the next look.
    function reversed(r) {
      const row = feed.value?.find((t) => t.id === r.original.id);
      if (row) row.reversed_by = r.reversal.id;
      loadAudit(auditOffset.value);
    }

    onMounted(() => { loadFeed(); loadAudit(0); });
    onBeforeUnmount(() => { alive = false; clearTimeout(timer); });
    return { store, feed, feedError, audit, auditError, auditOffset, auditMore, filter, actions, gms, shownAudit, verifying, verdict, verifyError, AUDIT_PAGE, credits, fullTime, loadFeed, loadAudit, verify, reversed };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Activity</h1>
      <div class="admin-grid">
        <section class="card" aria-labelledby="feed-title">
          <div class="history-head"><h2 id="feed-title">Live transactions</h2><span class="pill pill-good" aria-hidden="true">● live</span></div>
          <ErrorBox v-if="feedError && !feed" :message="feedError" @retry="loadFeed" />
          <p v-else-if="feedError" class="stale small" role="status">{{ feedError }}</p>
          <ul v-if="feed === null && !feedError" class="tx-list" aria-label="Loading transactions"><li v-for="n in 4" :key="n" class="tx tx-skeleton"><span class="sk sk-line"></span></li></ul>
          <p v-else-if="feed && feed.length === 0" class="empty muted">No transactions yet. New ones appear here as they happen.</p>
          <ul v-else-if="feed" class="tx-list" aria-label="Live transactions" aria-live="polite" aria-relevant="additions"><FeedRow v-for="tx in feed" :key="tx.id" :tx="tx" @reversed="reversed" /></ul>
        </section>

        <div>
          <section class="card" aria-labelledby="verify-title">
            <h2 id="verify-title">Ledger</h2>
            <p class="small muted">Checks that every balance equals its journal and that the books sum to zero.</p>
            <button type="button" class="btn btn-secondary btn-block" :disabled="verifying || !store.online" @click="verify">{{ verifying ? 'Verifying…' : 'Verify ledger' }}</button>
            <p v-if="verifyError" class="form-error" role="alert">{{ verifyError }}</p>
            <div v-else-if="verdict" class="verdict" :class="verdict.ok ? 'good' : 'bad'" role="status">
              <strong>{{ verdict.ok ? '✓ Ledger OK' : '✗ Ledger broken' }}</strong>
              <p v-if="!verdict.ok">{{ verdict.violation }}</p>
              <p class="small">Money supply <span class="num">{{ credits(verdict.money_supply) }}</span> · {{ verdict.accounts }} accounts · {{ verdict.transactions }} transactions · checked {{ fullTime(verdict.checked_at) }}</p>
            </div>
          </section>

          <section class="card" aria-labelledby="audit-title">
            <h2 id="audit-title">Audit log</h2>
            <div class="filters">
              <div class="field"><label class="label" for="audit-action">Action</label>
                <select id="audit-action" v-model="filter.action"><option value="">All actions</option><option v-for="a in actions" :key="a" :value="a">{{ a }}</option></select></div>
              <div class="field"><label class="label" for="audit-gm">GM</label>
                <select id="audit-gm" v-model="filter.admin"><option value="">All GMs</option><option v-for="g in gms" :key="g" :value="g">{{ g }}</option></select></div>
              <div class="field"><label class="label" for="audit-text">Target or details</label><input id="audit-text" v-model="filter.text" type="search" autocomplete="off"></div>
            </div>
            <ErrorBox v-if="auditError" :message="auditError" @retry="loadAudit(auditOffset)" />
            <div v-else-if="audit === null" class="sk sk-row" role="status" aria-label="Loading audit log"></div>
            <p v-else-if="shownAudit.length === 0" class="empty muted">{{ audit.length ? 'Nothing on this page matches the filters.' : 'No GM actions yet.' }}</p>
            <ul v-else class="audit-list" aria-label="Audit log">
              <li v-for="a in shownAudit" :key="a.id" class="audit-row">
                <div><strong>{{ a.action }}</strong> <span class="muted">by</span> {{ a.admin }} <span v-if="a.target" class="muted">on</span> <span class="num">{{ a.target }}</span></div>
                <div class="small muted audit-details">{{ a.details }}</div>
                <time class="small muted" :datetime="a.timestamp">{{ fullTime(a.timestamp) }}</time>
              </li>
            </ul>
            <div class="pager" v-if="auditOffset > 0 || auditMore">
              <button type="button" class="btn btn-ghost btn-small" :disabled="auditOffset === 0" @click="loadAudit(Math.max(0, auditOffset - AUDIT_PAGE))">Newer</button>
              <button type="button" class="btn btn-ghost btn-small" :disabled="!auditMore" @click="loadAudit(auditOffset + AUDIT_PAGE)">Older</button>
            </div>
          </section>
        </div>
      </div>
    </section>`,
};
