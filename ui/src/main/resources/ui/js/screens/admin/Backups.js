// Backups: the kept snapshots, take one now (checked before it is listed), download one.
import { ref, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { store } from '../../store.js';
import { credits, fullTime } from '../../format.js';
import AdminNav from './AdminNav.js';
import ErrorBox from '../../components/ErrorBox.js';

const size = (b) => (b >= 1048576 ? `${(b / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`);

export default {
  components: { AdminNav, ErrorBox },
  setup() {
    const list = ref(null);
    const error = ref(null);
    const taking = ref(false);
    const taken = ref(null);
    const actionError = ref(null);

    async function load() {
      error.value = null;
      try {
        list.value = await adminApi.backups();
      } catch (e) {
        error.value = e.message;
      }
    }
    async function take() {
      taking.value = true;
      actionError.value = null;
      taken.value = null;
      try {
        taken.value = await adminApi.takeBackup();
        await load();
      } catch (e) {
        actionError.value = e.message;
      } finally {
        taking.value = false;
      }
    }
    async function download(name) {
      actionError.value = null;
      try {
        await adminApi.downloadBackup(name);
      } catch (e) {
        actionError.value = e.message;
      }
    }
    onMounted(load);
    return { store, list, error, taking, taken, actionError, credits, fullTime, size, load, take, download };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Backups</h1>
      <div class="admin-grid">
        <section class="card" aria-labelledby="backup-now">
          <h2 id="backup-now">Take a backup</h2>
          <p class="small muted">A consistent copy of the live bank, checked (integrity and ledger) before it is kept.</p>
          <button type="button" class="btn btn-primary btn-block" :disabled="taking || !store.online" @click="take">{{ taking ? 'Taking a backup…' : 'Take backup' }}</button>
          <p v-if="actionError" class="form-error" role="alert">{{ actionError }}</p>
          <div v-else-if="taken" class="verdict good" role="status">
            <strong>✓ {{ taken.message }}</strong>
            <p class="small">Integrity {{ taken.backup.integrity }} · ledger {{ taken.backup.ledger_ok ? 'OK' : 'broken' }} · money supply <span class="num">{{ credits(taken.backup.money_supply) }}</span> · {{ taken.backup.transactions }} transactions · {{ taken.backup.duration_ms }} ms</p>
          </div>
        </section>
        <section class="card" aria-labelledby="backup-list">
          <h2 id="backup-list">Kept backups</h2>
          <ErrorBox v-if="error" :message="error" @retry="load" />
          <div v-else-if="list === null" class="sk sk-row" role="status" aria-label="Loading backups"></div>
          <template v-else>
            <p class="small muted">In <code>{{ list.directory }}</code>, kept {{ list.retention_days }} days.</p>
            <p v-if="list.backups.length === 0" class="empty muted">No backups yet. Take one before the doors open.</p>
            <ul v-else class="key-list" aria-label="Backups">
              <li v-for="b in list.backups" :key="b.name" class="key-row">
                <div class="key-head"><span class="num">{{ b.name }}</span><span class="small muted">{{ size(b.size_bytes) }}</span></div>
                <div class="small muted">{{ fullTime(b.created_at) }}</div>
                <button type="button" class="btn btn-ghost btn-small" :aria-label="'Download ' + b.name" @click="download(b.name)">Download</button>
              </li>
            </ul>
          </template>
        </section>
      </div>
    </section>`,
};
