// Users: find a character by name or account number; create an NPC or vendor account; import a
// CSV of characters, with the rows read back before sending and the bank's per-row report after.
import { ref, reactive, watch, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { store } from '../../store.js';
import { credits } from '../../format.js';
import { readCsv } from './csv.js';
import AdminNav from './AdminNav.js';
import ErrorBox from '../../components/ErrorBox.js';

export default {
  components: { AdminNav, ErrorBox },
  setup() {
    const query = ref('');
    const users = ref(null);
    const error = ref(null);
    const busy = ref(null);
    const form = reactive({ name: '', password: '', faction: '', balance: '' });
    const created = ref(null);
    const createError = ref(null);
    const csv = ref('');
    const preview = ref(null);
    const report = ref(null);
    const importError = ref(null);

    async function search() {
      error.value = null;
      try {
        users.value = (await adminApi.searchUsers(query.value.trim())).users;
      } catch (e) {
        error.value = e.message;
      }
    }
    let timer = null;
    watch(query, () => {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    onMounted(search);

    async function create() {
      busy.value = 'create';
      created.value = null;
      createError.value = null;
      try {
        const body = { character_name: form.name.trim(), password: form.password, faction: form.faction.trim() };
        if (form.balance.trim()) body.balance = form.balance.trim();
        const r = await adminApi.createUser(body);
        created.value = r.user;
        Object.assign(form, { name: '', password: '', faction: '', balance: '' });
        search();
      } catch (e) {
        createError.value = e.message;
      } finally {
        busy.value = null;
      }
    }

    function check() {
      report.value = null;
      importError.value = null;
      preview.value = readCsv(csv.value);
    }
    async function runImport() {
      busy.value = 'import';
      importError.value = null;
      try {
        report.value = await adminApi.importUsers(csv.value);
        preview.value = null;
        search();
      } catch (e) {
        importError.value = e.message;
      } finally {
        busy.value = null;
      }
    }
    async function readFile(event) {
      const file = event.target.files?.[0];
      if (file) {
        csv.value = await file.text();
        check();
      }
    }

    return { store, query, users, error, busy, form, created, createError, csv, preview, report, importError, credits, search, create, check, runImport, readFile };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Users</h1>
      <div class="admin-grid">
        <section class="card" aria-labelledby="users-find">
          <h2 id="users-find" class="sr-only">Find a user</h2>
          <label class="field search">
            <span class="label">Search users</span>
            <input v-model="query" type="search" placeholder="Name or NC-…" enterkeyhint="search" autocomplete="off" @keydown.enter.prevent="search">
          </label>
          <ErrorBox v-if="error" :message="error" @retry="search" />
          <ul v-else-if="users === null" class="tx-list" aria-label="Loading users">
            <li v-for="n in 4" :key="n" class="tx tx-skeleton"><span class="sk sk-line"></span></li>
          </ul>
          <p v-else-if="users.length === 0" class="empty muted">{{ query ? 'Nobody matches “' + query + '”.' : 'No characters yet. Create one below or import a CSV.' }}</p>
          <ul v-else class="user-list" aria-label="Users">
            <li v-for="u in users" :key="u.account_number">
              <a class="user-row" :href="'#/admin/user?acct=' + u.account_number">
                <span class="user-main"><span class="user-name">{{ u.character_name }}</span>
                  <span class="small muted num">{{ u.account_number }}<template v-if="u.faction"> · {{ u.faction }}</template></span></span>
                <span class="user-side"><span class="num">{{ credits(u.balance) }}</span>
                  <span v-if="u.is_frozen" class="pill pill-off">Frozen</span><span v-else-if="u.is_admin" class="pill pill-good">GM</span></span>
              </a>
            </li>
          </ul>
        </section>

        <div>
          <section class="card" aria-labelledby="users-new">
            <h2 id="users-new">New NPC or vendor</h2>
            <form class="form" novalidate @submit.prevent="create">
              <div class="field"><label class="label" for="new-name">Character name</label><input id="new-name" v-model="form.name" autocomplete="off" maxlength="64"></div>
              <div class="field"><label class="label" for="new-password">Password</label><input id="new-password" v-model="form.password" type="password" autocomplete="new-password"></div>
              <div class="field"><label class="label" for="new-faction">Faction</label><input id="new-faction" v-model="form.faction" autocomplete="off" maxlength="64"></div>
              <div class="field"><label class="label" for="new-balance">Starting balance</label><input id="new-balance" v-model="form.balance" class="num" inputmode="decimal" autocomplete="off" placeholder="The bank's default"></div>
              <p v-if="createError" class="form-error" role="alert">{{ createError }}</p>
              <p v-else-if="created" class="ok-text" role="status">Created {{ created.character_name }}, <a :href="'#/admin/user?acct=' + created.account_number">{{ created.account_number }}</a>.</p>
              <button type="submit" class="btn btn-secondary btn-block" :disabled="busy !== null || !store.online || !form.name.trim() || !form.password">Create account</button>
            </form>
          </section>

          <section class="card" aria-labelledby="users-import">
            <h2 id="users-import">Import characters</h2>
            <p class="small muted">CSV lines of <code>character_name,password,faction,balance</code>. Bad rows create nothing; the good ones are created together.</p>
            <div class="form">
              <div class="field"><label class="label" for="import-file">CSV file</label><input id="import-file" type="file" accept=".csv,text/csv,text/plain" @change="readFile"></div>
              <div class="field"><label class="label" for="import-csv">CSV text</label><textarea id="import-csv" v-model="csv" rows="5" class="num" spellcheck="false" @input="preview = null; report = null"></textarea></div>
              <button type="button" class="btn btn-ghost btn-block" :disabled="!csv.trim()" @click="check">Check rows</button>
            </div>
            <div v-if="preview" class="import-report">
              <p role="status">{{ preview.rows.length }} row{{ preview.rows.length === 1 ? '' : 's' }} read<template v-if="preview.problems"> · {{ preview.problems }} with a problem</template>. The bank checks them again.</p>
              <div class="table-wrap"><table class="table">
                <thead><tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Faction</th><th scope="col">Balance</th><th scope="col">Check</th></tr></thead>
                <tbody><tr v-for="r in preview.rows" :key="r.line"><td class="num">{{ r.line }}</td><td>{{ r.name }}</td><td>{{ r.faction }}</td><td class="num">{{ r.balance }}</td><td :class="r.problem ? 'bad' : 'good'">{{ r.problem || 'OK' }}</td></tr></tbody>
              </table></div>
              <button type="button" class="btn btn-primary btn-block" :disabled="busy !== null || !store.online" @click="runImport">Import {{ preview.rows.length }} row{{ preview.rows.length === 1 ? '' : 's' }}</button>
            </div>
            <p v-if="importError" class="form-error" role="alert">{{ importError }}</p>
            <div v-if="report" class="import-report">
              <p class="ok-text" role="status">{{ report.message }}</p>
              <div class="table-wrap"><table class="table">
                <thead><tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Result</th></tr></thead>
                <tbody><tr v-for="r in report.rows" :key="r.line"><td class="num">{{ r.line }}</td><td>{{ r.character_name }}</td>
                  <td :class="r.ok ? 'good' : 'bad'"><template v-if="r.ok">Created <span class="num">{{ r.account_number }}</span></template><template v-else>{{ r.error }}</template></td></tr></tbody>
              </table></div>
            </div>
          </section>
        </div>
      </div>
    </section>`,
};
