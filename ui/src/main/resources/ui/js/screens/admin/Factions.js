// Factions: each with its member count and total, create one, grant credits to every member.
import { ref, reactive, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { newKey } from '../../api.js';
import { store } from '../../store.js';
import { credits, parseAmount } from '../../format.js';
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
    onMounted(load);
    return { store, list, error, busy, form, grant, credits, load, create, give };
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
