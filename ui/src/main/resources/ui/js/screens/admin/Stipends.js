// Stipends (scheduled pay): the list with each one's recipients, schedule, state and next payday;
// create and edit (every player, a faction or listed accounts; daily at a local time between two
// dates, or once; catch-up pay or skip); pause, resume, delete; each one's slot history with the
// frozen accounts it skipped; and "Run due now" instead of waiting for the scheduler's next look.
import { ref, reactive, computed, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { store } from '../../store.js';
import { credits, fullTime, parseAmount, accountNumber } from '../../format.js';
import AdminNav from './AdminNav.js';
import ErrorBox from '../../components/ErrorBox.js';

const blank = () => ({
  id: null, name: '', amount: '', recipients: 'all', faction: '', accounts: '',
  schedule: 'daily', time: '18:00', from: '', until: '', at: '', catch_up: 'pay', error: null, done: null,
});

export default {
  components: { AdminNav, ErrorBox },
  setup() {
    const list = ref(null);
    const error = ref(null);
    const factions = ref([]);
    const busy = ref(null);
    const box = reactive({ error: null, done: null });
    const form = reactive(blank());
    const run = reactive({ error: null, done: null });
    const open = ref(null);
    const history = ref(null);
    const historyError = ref(null);
    const deleting = ref(null);
    const zone = computed(() => list.value?.[0]?.time_zone ?? null);

    async function load() {
      error.value = null;
      try {
        list.value = (await adminApi.stipends()).stipends;
      } catch (e) {
        error.value = e.message;
      }
    }
    async function loadFactions() {
      try {
        factions.value = (await adminApi.factions()).factions;
      } catch {
        factions.value = [];
      }
    }
    function who(s) {
      if (s.recipients === 'all') return 'Every player';
      if (s.recipients === 'faction') return `Faction ${s.faction}`;
      return `${s.accounts?.length ?? 0} listed ${s.accounts?.length === 1 ? 'account' : 'accounts'}`;
    }
    function when(s) {
      const tail = s.catch_up === 'skip' ? 'missed slots skipped' : 'missed slots paid late';
      return s.schedule === 'daily'
        ? `Daily at ${s.time}, ${s.from} to ${s.until} · ${tail}`
        : `Once at ${s.at ? fullTime(s.at) : '—'} · ${tail}`;
    }
    function state(s) {
      if (s.paused) return { text: 'Paused', cls: 'pill-off' };
      if (!s.next_slot) return { text: 'Over', cls: '' };
      return { text: 'Active', cls: 'pill-good' };
    }

    function edit(s) {
      Object.assign(form, blank(), {
        id: s.id, name: s.name, amount: String(s.amount), recipients: s.recipients, faction: s.faction ?? '',
        accounts: (s.accounts ?? []).join('\n'), schedule: s.schedule, time: s.time ?? '18:00', from: s.from ?? '',
        until: s.until ?? '', at: s.at ? s.at.replace(/Z$/, '').slice(0, 19) : '', catch_up: s.catch_up,
      });
      document.getElementById('stipend-form')?.scrollIntoView({ block: 'start' });
    }
    function reset() {
      Object.assign(form, blank());
    }
    function body() {
      const amount = parseAmount(form.amount);
      if (!form.name.trim()) return 'A name is required: it is also the memo of every payment.';
      if (amount === null) return 'Enter an amount greater than 0, with at most two decimals.';
      const b = { name: form.name.trim(), amount, recipients: form.recipients, schedule: form.schedule, catch_up: form.catch_up };
      if (form.recipients === 'faction') {
        if (!form.faction) return 'Choose a faction.';
        b.faction = form.faction;
      }
      if (form.recipients === 'accounts') {
        const raw = form.accounts.split(/[\s,;]+/).filter(Boolean);
        const bad = raw.find((a) => !accountNumber(a));
        if (!raw.length) return 'List at least one account number.';
        if (bad) return `${bad} is not an account number like NC-7K2P-QX4D.`;
        b.accounts = raw.map(accountNumber);
      }
      if (form.schedule === 'daily') {
        if (!form.time || !form.from || !form.until) return 'A daily stipend needs a time, a first and a last date.';
        Object.assign(b, { time: form.time.slice(0, 5), from: form.from, until: form.until });
      } else {
        if (!form.at) return 'A one-time stipend needs a date and time.';
        b.at = form.at;
      }
      return b;
    }
    async function save() {
      form.error = null;
      form.done = null;
      const b = body();
      if (typeof b === 'string') { form.error = b; return; }
      busy.value = 'save';
      try {
        const r = form.id == null ? await adminApi.createStipend(b) : await adminApi.editStipend(form.id, b);
        reset();
        form.done = r.message;
        await load();
      } catch (e) {
        form.error = e.message;
      } finally {
        busy.value = null;
      }
    }
    async function act(s, what) {
      busy.value = `${what}-${s.id}`;
      box.error = null;
      box.done = null;
      try {
        const r = what === 'pause' ? await adminApi.pauseStipend(s.id)
          : what === 'resume' ? await adminApi.resumeStipend(s.id) : await adminApi.deleteStipend(s.id);
        box.done = r.message;
        deleting.value = null;
        if (what === 'delete' && open.value === s.id) open.value = null;
        await load();
        if (open.value === s.id) await show(s.id, true);
      } catch (e) {
        box.error = e.message;
      } finally {
        busy.value = null;
      }
    }
    async function show(id, keep = false) {
      if (open.value === id && !keep) { open.value = null; return; }
      open.value = id;
      history.value = null;
      historyError.value = null;
      try {
        history.value = (await adminApi.stipend(id)).slots;
      } catch (e) {
        historyError.value = e.message;
      }
    }
    async function runDue() {
      busy.value = 'run';
      run.error = null;
      run.done = null;
      try {
        const r = await adminApi.runDueStipends();
        run.done = `${r.message} · ${r.payments_made} ${r.payments_made === 1 ? 'payment' : 'payments'} made`;
        await load();
        if (open.value != null) await show(open.value, true);
      } catch (e) {
        run.error = e.message;
      } finally {
        busy.value = null;
      }
    }

    onMounted(() => { load(); loadFactions(); });
    return { store, list, error, factions, busy, box, form, run, open, history, historyError, deleting, zone, credits, fullTime, who, when, state, load, edit, reset, save, act, show, runDue };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Stipends</h1>
      <div class="admin-grid">
        <div>
          <section class="card" aria-labelledby="stipend-run">
            <h2 id="stipend-run">Pay what is due</h2>
            <p class="small muted">The scheduler pays every due slot by itself within seconds; this pays now instead of waiting.</p>
            <button type="button" class="btn btn-secondary btn-block" :disabled="busy !== null || !store.online" @click="runDue">Run due now</button>
            <p v-if="run.error" class="form-error" role="alert">{{ run.error }}</p>
            <p v-else-if="run.done" class="ok-text" role="status">{{ run.done }}</p>
          </section>
          <section class="card" aria-labelledby="stipend-list">
            <h2 id="stipend-list">All stipends</h2>
            <p v-if="box.error" class="form-error" role="alert">{{ box.error }}</p>
            <p v-else-if="box.done" class="ok-text" role="status">{{ box.done }}</p>
            <ErrorBox v-if="error" :message="error" @retry="load" />
            <div v-else-if="list === null" class="sk sk-row" role="status" aria-label="Loading stipends"></div>
            <p v-else-if="list.length === 0" class="empty muted">No stipends yet. Define one: it pays from the mint on its schedule.</p>
            <ul v-else class="key-list" aria-label="Stipends">
              <li v-for="s in list" :key="s.id" class="key-row">
                <div class="key-head"><strong>{{ s.name }}</strong><span class="num">{{ credits(s.amount) }} each</span></div>
                <div class="small">{{ who(s) }} <span class="pill" :class="state(s).cls">{{ state(s).text }}</span></div>
                <div class="small muted">{{ when(s) }}</div>
                <div class="small muted">Next slot: {{ s.next_slot ? fullTime(s.next_slot) : 'none' }}</div>
                <div class="input-row wrap-row">
                  <button type="button" class="btn btn-ghost btn-small" :aria-expanded="open === s.id" :aria-label="'Slot history of ' + s.name" @click="show(s.id)">History</button>
                  <button type="button" class="btn btn-ghost btn-small" :aria-label="'Edit ' + s.name" :disabled="busy !== null" @click="edit(s)">Edit</button>
                  <button v-if="s.paused" type="button" class="btn btn-secondary btn-small" :aria-label="'Resume ' + s.name" :disabled="busy !== null || !store.online" @click="act(s, 'resume')">Resume</button>
                  <button v-else type="button" class="btn btn-ghost btn-small" :aria-label="'Pause ' + s.name" :disabled="busy !== null || !store.online" @click="act(s, 'pause')">Pause</button>
                  <button v-if="deleting !== s.id" type="button" class="btn btn-danger btn-small" :aria-label="'Delete ' + s.name" :disabled="busy !== null" @click="deleting = s.id">Delete</button>
                  <button v-else type="button" class="btn btn-danger btn-small" :disabled="busy !== null || !store.online" @click="act(s, 'delete')">Confirm delete</button>
                </div>
                <div v-if="open === s.id" class="stipend-history">
                  <p v-if="historyError" class="form-error" role="alert">{{ historyError }}</p>
                  <div v-else-if="history === null" class="sk sk-row" role="status" aria-label="Loading slot history"></div>
                  <p v-else-if="history.length === 0" class="small muted">No slot paid or skipped yet.</p>
                  <div v-else class="table-wrap"><table class="table" :aria-label="'Slots of ' + s.name">
                    <thead><tr><th scope="col">Slot ({{ s.time_zone }})</th><th scope="col">Status</th><th scope="col" class="num">Paid</th></tr></thead>
                    <tbody><tr v-for="h in history" :key="h.slot_at">
                      <td class="num">{{ h.local_time }}</td>
                      <td>{{ h.status }}<div v-if="h.skipped_frozen?.length" class="small muted">Frozen, skipped: <span class="num">{{ h.skipped_frozen.join(', ') }}</span></div></td>
                      <td class="num">{{ h.paid_count }} · {{ credits(h.total) }}</td></tr></tbody>
                  </table></div>
                </div>
              </li>
            </ul>
          </section>
        </div>

        <section id="stipend-form" class="card" aria-labelledby="stipend-edit">
          <h2 id="stipend-edit">{{ form.id == null ? 'New stipend' : 'Edit stipend' }}</h2>
          <form class="form" novalidate @submit.prevent="save">
            <div class="field"><label class="label" for="stipend-name">Name</label><input id="stipend-name" v-model="form.name" maxlength="64" autocomplete="off" aria-describedby="stipend-name-hint"><span id="stipend-name-hint" class="hint">Also the memo of every payment.</span></div>
            <div class="field"><label class="label" for="stipend-amount">Amount</label>
              <div class="amount-input"><span class="currency" aria-hidden="true">₡</span><input id="stipend-amount" v-model="form.amount" class="num" inputmode="decimal" autocomplete="off" aria-describedby="stipend-amount-hint"></div>
              <span id="stipend-amount-hint" class="hint">Each recipient gets this amount per slot.</span></div>
            <fieldset class="segmented">
              <legend class="label">Recipients</legend>
              <label><input v-model="form.recipients" type="radio" name="recipients" value="all"> Every player</label>
              <label><input v-model="form.recipients" type="radio" name="recipients" value="faction"> A faction</label>
              <label><input v-model="form.recipients" type="radio" name="recipients" value="accounts"> Listed accounts</label>
            </fieldset>
            <div v-if="form.recipients === 'faction'" class="field"><label class="label" for="stipend-faction">Faction</label>
              <select id="stipend-faction" v-model="form.faction"><option value="" disabled>Choose…</option><option v-for="f in factions" :key="f.faction" :value="f.faction">{{ f.faction }} ({{ f.user_count }})</option></select></div>
            <div v-if="form.recipients === 'accounts'" class="field"><label class="label" for="stipend-accounts">Account numbers</label>
              <textarea id="stipend-accounts" v-model="form.accounts" rows="3" autocomplete="off" aria-describedby="stipend-accounts-hint"></textarea><span id="stipend-accounts-hint" class="hint">One per line or separated by commas; up to 500.</span></div>
            <fieldset class="segmented">
              <legend class="label">Schedule</legend>
              <label><input v-model="form.schedule" type="radio" name="schedule" value="daily"> Daily</label>
              <label><input v-model="form.schedule" type="radio" name="schedule" value="once"> Once</label>
            </fieldset>
            <template v-if="form.schedule === 'daily'">
              <div class="field"><label class="label" for="stipend-time">Time of day</label><input id="stipend-time" v-model="form.time" type="time" aria-describedby="stipend-zone"></div>
              <div class="field"><label class="label" for="stipend-from">First day</label><input id="stipend-from" v-model="form.from" type="date"></div>
              <div class="field"><label class="label" for="stipend-until">Last day</label><input id="stipend-until" v-model="form.until" type="date"></div>
            </template>
            <div v-else class="field"><label class="label" for="stipend-at">Pay at</label><input id="stipend-at" v-model="form.at" type="datetime-local" step="1" aria-describedby="stipend-zone"></div>
            <p id="stipend-zone" class="hint">Times are the event's local time{{ zone ? ' (' + zone + ')' : '' }}.</p>
            <fieldset class="segmented">
              <legend class="label">If the bank was down at a slot</legend>
              <label><input v-model="form.catch_up" type="radio" name="catch_up" value="pay"> Pay late</label>
              <label><input v-model="form.catch_up" type="radio" name="catch_up" value="skip"> Skip it</label>
            </fieldset>
            <p v-if="form.error" class="form-error" role="alert">{{ form.error }}</p>
            <p v-else-if="form.done" class="ok-text" role="status">{{ form.done }}</p>
            <div class="input-row">
              <button type="submit" class="btn btn-primary" :disabled="busy !== null || !store.online">{{ form.id == null ? 'Create stipend' : 'Save' }}</button>
              <button v-if="form.id != null" type="button" class="btn btn-ghost" @click="reset">Cancel</button>
            </div>
          </form>
        </section>
      </div>
    </section>`,
};
