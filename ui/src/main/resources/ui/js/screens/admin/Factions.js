// Factions: each with its member count and total, create one, grant credits to every member; the
// players' pending membership requests (a GM confirms or rejects), and removing a member.
import { ref, reactive, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { newKey } from '../../api.js';
import { store } from '../../store.js';
import { credits, parseAmount, accountNumber } from '../../format.js';
import AdminNav from './AdminNav.js';
import ErrorBox from '../../components/ErrorBox.js';

export default {
  components: { AdminNav, ErrorBox },
  setup() {
    const list = ref(null);
    const error = ref(null);
    const busy = ref(null);
    const form = reactive({ name: '', description: '', error: null, done: null });
    const grant = reactive({ faction: '', amount: '', reason: '', key: null, error: null, done: null });
    const requests = ref(null);
    const reqBox = reactive({ error: null, done: null });
    const removal = reactive({ account: '', error: null, done: null });

    async function loadRequests() {
      try {
        requests.value = (await adminApi.factionRequests()).requests;
      } catch (e) {
        reqBox.error = e.message;
      }
    }
    // Confirm puts the character into the faction they asked for; reject leaves them where they are.
    async function decide(r, confirm) {
      busy.value = `req-${r.account_number}`;
      reqBox.error = null;
      reqBox.done = null;
      try {
        const a = confirm ? await adminApi.setMember(r.account_number, r.requested) : await adminApi.rejectRequest(r.account_number);
        reqBox.done = a.message;
        await Promise.all([loadRequests(), load()]);
      } catch (e) {
        reqBox.error = e.message;
        await loadRequests();
      } finally {
        busy.value = null;
      }
    }
    async function remove() {
      removal.error = null;
      removal.done = null;
      const n = accountNumber(removal.account);
      if (!n) { removal.error = 'Enter an account number like NC-7K2P-QX4D.'; return; }
      busy.value = 'remove';
      try {
        removal.done = (await adminApi.setMember(n, '')).message;
        removal.account = '';
        await Promise.all([loadRequests(), load()]);
      } catch (e) {
        removal.error = e.message;
      } finally {
        busy.value = null;
      }
    }

    async function load() {
      error.value = null;
      try {
        list.value = (await adminApi.factions()).factions;
      } catch (e) {
        error.value = e.message;
      }
    }
    async function create() {
      busy.value = 'create';
      form.error = null;
      form.done = null;
      try {
        const r = await adminApi.createFaction(form.name.trim(), form.description.trim());
        form.done = r.message;
        form.name = '';
        form.description = '';
        await load();
      } catch (e) {
        form.error = e.message;
      } finally {
        busy.value = null;
      }
    }
    async function give() {
      grant.error = null;
      grant.done = null;
      const n = parseAmount(grant.amount);
      if (!grant.faction) { grant.error = 'Choose a faction.'; return; }
      if (n === null) { grant.error = 'Enter an amount greater than 0, with at most two decimals.'; return; }
      if (!grant.reason.trim()) { grant.error = 'A reason is required.'; return; }
      grant.key ??= newKey();
      busy.value = 'grant';
      try {
        const r = await adminApi.grantFaction(grant.faction, n, grant.reason.trim(), grant.key);
        grant.key = null;
        grant.done = `${r.message} (${r.affected_users} × ${credits(r.amount_each)} = ${credits(r.total)})`;
        grant.amount = '';
        grant.reason = '';
        await load();
      } catch (e) {
        grant.error = e.message;
      } finally {
        busy.value = null;
      }
    }
    onMounted(() => { load(); loadRequests(); });
    return { store, list, error, busy, form, grant, requests, reqBox, removal, credits, load, create, give, loadRequests, decide, remove };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Factions</h1>
      <div class="admin-grid">
        <section class="card" aria-labelledby="faction-list">
          <h2 id="faction-list">All factions</h2>
          <ErrorBox v-if="error" :message="error" @retry="load" />
          <div v-else-if="list === null" class="sk sk-row" role="status" aria-label="Loading factions"></div>
          <p v-else-if="list.length === 0" class="empty muted">No factions yet. Create one, or players name theirs on their profile.</p>
          <div v-else class="table-wrap"><table class="table">
            <thead><tr><th scope="col">Faction</th><th scope="col" class="num">Members</th><th scope="col" class="num">Total</th></tr></thead>
            <tbody><tr v-for="f in list" :key="f.faction"><td>{{ f.faction }}<div v-if="f.description" class="small muted">{{ f.description }}</div></td>
              <td class="num">{{ f.user_count }}</td><td class="num">{{ credits(f.total_balance) }}</td></tr></tbody>
          </table></div>
        </section>
        <div>
          <section class="card" aria-labelledby="faction-requests">
            <h2 id="faction-requests">Membership requests</h2>
            <p v-if="reqBox.error" class="form-error" role="alert">{{ reqBox.error }}</p>
            <p v-else-if="reqBox.done" class="ok-text" role="status">{{ reqBox.done }}</p>
            <div v-if="requests === null && !reqBox.error" class="sk sk-row" role="status" aria-label="Loading requests"></div>
            <p v-else-if="requests && requests.length === 0" class="empty muted">No pending requests. A player asks on their profile; you confirm here.</p>
            <ul v-else-if="requests" class="key-list" aria-label="Membership requests">
              <li v-for="r in requests" :key="r.account_number" class="key-row">
                <div class="key-head"><strong>{{ r.character_name }}</strong><span class="small muted num">{{ r.account_number }}</span></div>
                <div class="small">Asks to join <strong>{{ r.requested }}</strong><span class="muted"> · now {{ r.faction || 'in no faction' }}</span></div>
                <div class="input-row">
                  <button type="button" class="btn btn-secondary btn-small" :aria-label="'Confirm ' + r.character_name + ' in ' + r.requested" :disabled="busy !== null || !store.online" @click="decide(r, true)">Confirm</button>
                  <button type="button" class="btn btn-ghost btn-small" :aria-label="'Reject the request of ' + r.character_name" :disabled="busy !== null || !store.online" @click="decide(r, false)">Reject</button>
                </div>
              </li>
            </ul>
          </section>
          <section class="card" aria-labelledby="faction-remove">
            <h2 id="faction-remove">Remove a member</h2>
            <form class="form" novalidate @submit.prevent="remove">
              <div class="field"><label class="label" for="remove-account">Account number</label><input id="remove-account" v-model="removal.account" class="num" autocomplete="off" autocapitalize="characters" aria-describedby="remove-hint"><span id="remove-hint" class="hint">They leave their faction and belong to none.</span></div>
              <p v-if="removal.error" class="form-error" role="alert">{{ removal.error }}</p>
              <p v-else-if="removal.done" class="ok-text" role="status">{{ removal.done }}</p>
              <button type="submit" class="btn btn-danger btn-block" :disabled="busy !== null || !store.online || !removal.account.trim()">Remove from faction</button>
            </form>
          </section>
          <section class="card" aria-labelledby="faction-grant">
            <h2 id="faction-grant">Grant credits to every member</h2>
            <form class="form" novalidate @submit.prevent="give">
              <div class="field"><label class="label" for="grant-faction">Faction</label>
                <select id="grant-faction" v-model="grant.faction" @change="grant.key = null"><option value="" disabled>Choose…</option><option v-for="f in list ?? []" :key="f.faction" :value="f.faction">{{ f.faction }} ({{ f.user_count }})</option></select></div>
              <div class="field"><label class="label" for="grant-amount">Amount</label>
                <div class="amount-input"><span class="currency" aria-hidden="true">₡</span><input id="grant-amount" v-model="grant.amount" class="num" inputmode="decimal" autocomplete="off" aria-describedby="grant-hint" @input="grant.key = null"></div>
                <span id="grant-hint" class="hint">Each member receives this amount.</span></div>
              <div class="field"><label class="label" for="grant-reason">Reason</label><input id="grant-reason" v-model="grant.reason" maxlength="140" autocomplete="off" @input="grant.key = null"></div>
              <p v-if="grant.error" class="form-error" role="alert">{{ grant.error }}</p>
              <p v-else-if="grant.done" class="ok-text" role="status">{{ grant.done }}</p>
              <button type="submit" class="btn btn-primary btn-block" :disabled="busy !== null || !store.online">Grant credits</button>
            </form>
          </section>
          <section class="card" aria-labelledby="faction-new">
            <h2 id="faction-new">New faction</h2>
            <form class="form" novalidate @submit.prevent="create">
              <div class="field"><label class="label" for="faction-name">Name</label><input id="faction-name" v-model="form.name" maxlength="64" autocomplete="off"></div>
              <div class="field"><label class="label" for="faction-description">Description</label><input id="faction-description" v-model="form.description" maxlength="200" autocomplete="off"></div>
              <p v-if="form.error" class="form-error" role="alert">{{ form.error }}</p>
              <p v-else-if="form.done" class="ok-text" role="status">{{ form.done }}</p>
              <button type="submit" class="btn btn-secondary btn-block" :disabled="busy !== null || !store.online || !form.name.trim()">Create faction</button>
            </form>
          </section>
        </div>
      </div>
    </section>`,
};
