// Terminals (API keys): create one for an account with its scopes, an optional per-charge maximum
// and rate limit; the key is shown once, with a copy button and a QR code to flash onto an ESP32;
// the list shows each key's last use, and revokes.
import { ref, reactive, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { store } from '../../store.js';
import { credits, fullTime, when, accountNumber } from '../../format.js';
import AdminNav from './AdminNav.js';
import ErrorBox from '../../components/ErrorBox.js';
import CopyButton from '../../components/CopyButton.js';
import QrCode from '../../components/QrCode.js';

const SCOPES = [
  { code: 'charge', label: 'Charge players (into this account)' },
  { code: 'payout', label: 'Pay players (from this account)' },
  { code: 'balance:read', label: 'Read balances' },
  { code: 'transfer:any', label: 'Move credits between any accounts' },
];

export default {
  components: { AdminNav, ErrorBox, CopyButton, QrCode },
  setup() {
    const keys = ref(null);
    const error = ref(null);
    const busy = ref(null);
    const form = reactive({ description: '', account: '', scopes: ['charge'], max: '', rate: '' });
    const formError = ref(null);
    const fresh = ref(null);
    const rowError = ref(null);

    async function load() {
      error.value = null;
      try {
        keys.value = (await adminApi.keys()).api_keys;
      } catch (e) {
        error.value = e.message;
      }
    }

    async function create() {
      formError.value = null;
      const acct = accountNumber(form.account);
      if (!acct) {
        formError.value = 'Enter the account number the terminal belongs to (NC-XXXX-XXXX).';
        return;
      }
      busy.value = 'create';
      try {
        const body = { description: form.description.trim(), account_number: acct, scopes: form.scopes };
        if (form.max.trim()) body.max_amount = form.max.trim();
        if (form.rate.trim()) body.rate_limit_per_minute = Number(form.rate.trim());
        const r = await adminApi.createKey(body);
        fresh.value = r.api_key;
        Object.assign(form, { description: '', account: '', scopes: ['charge'], max: '', rate: '' });
        await load();
      } catch (e) {
        formError.value = e.message;
      } finally {
        busy.value = null;
      }
    }

    async function revoke(k) {
      busy.value = `revoke-${k.id}`;
      rowError.value = null;
      try {
        await adminApi.revokeKey(k.id);
        if (fresh.value?.id === k.id) fresh.value = null;
        await load();
      } catch (e) {
        rowError.value = e.message;
      } finally {
        busy.value = null;
      }
    }

    onMounted(load);
    return { store, SCOPES, keys, error, busy, form, formError, fresh, rowError, credits, fullTime, when, load, create, revoke };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Terminals</h1>
      <div class="admin-grid">
        <div>
          <section v-if="fresh" class="card new-key" aria-labelledby="key-fresh">
            <h2 id="key-fresh">New key for {{ fresh.description }}</h2>
            <p class="small">Copy it now or flash the QR code onto the terminal: <strong>it is not shown again</strong>.</p>
            <code class="secret" aria-label="New API key">{{ fresh.key_value }}</code>
            <div class="link-row"><CopyButton :text="fresh.key_value" what="API key" label="Copy key" /></div>
            <QrCode :text="fresh.key_value" :label="'QR code of the new API key for ' + fresh.description" />
            <button type="button" class="btn btn-ghost btn-block" @click="fresh = null">Done, hide the key</button>
          </section>

          <section class="card" aria-labelledby="key-new">
            <h2 id="key-new">New terminal key</h2>
            <form class="form" novalidate @submit.prevent="create">
              <div class="field"><label class="label" for="key-description">Description</label><input id="key-description" v-model="form.description" maxlength="100" autocomplete="off" placeholder="Noodle stall till"></div>
              <div class="field"><label class="label" for="key-account">Account</label><input id="key-account" v-model="form.account" class="num" autocomplete="off" placeholder="NC-XXXX-XXXX" autocapitalize="characters"></div>
              <fieldset class="segmented">
                <legend class="label">Scopes</legend>
                <label v-for="s in SCOPES" :key="s.code" class="check-row"><input v-model="form.scopes" type="checkbox" :value="s.code"> {{ s.label }}</label>
              </fieldset>
              <div class="field"><label class="label" for="key-max">Per-charge maximum</label><input id="key-max" v-model="form.max" class="num" inputmode="decimal" autocomplete="off" placeholder="The bank's limit"></div>
              <div class="field"><label class="label" for="key-rate">Rate limit per minute</label><input id="key-rate" v-model="form.rate" class="num" inputmode="numeric" autocomplete="off" placeholder="The bank's default"></div>
              <p v-if="formError" class="form-error" role="alert">{{ formError }}</p>
              <button type="submit" class="btn btn-primary btn-block" :disabled="busy !== null || !store.online || !form.description.trim() || !form.account.trim() || form.scopes.length === 0">Create key</button>
            </form>
          </section>
        </div>

        <section class="card" aria-labelledby="key-list">
          <h2 id="key-list">Keys</h2>
          <ErrorBox v-if="error" :message="error" @retry="load" />
          <div v-else-if="keys === null" class="sk sk-row" role="status" aria-label="Loading keys"></div>
          <p v-else-if="keys.length === 0" class="empty muted">No terminal keys yet.</p>
          <ul v-else class="key-list" aria-label="Terminal keys">
            <li v-for="k in keys" :key="k.id" class="key-row">
              <div class="key-head"><strong>{{ k.description }}</strong>
                <span v-if="k.is_active" class="pill pill-good">Active</span><span v-else class="pill pill-off">Revoked</span></div>
              <div class="small muted"><span class="num">{{ k.key_prefix }}…</span> · <span class="num">{{ k.account_number }}</span> · {{ k.scopes.join(', ') }}</div>
              <div class="small muted">Max per charge {{ k.max_amount != null ? credits(k.max_amount) : 'the bank’s' }} · {{ k.rate_limit_per_minute }}/min</div>
              <div class="small muted">Last used: <time v-if="k.last_used" :datetime="k.last_used" :title="fullTime(k.last_used)">{{ when(k.last_used) }}</time><template v-else>never</template></div>
              <button v-if="k.is_active" type="button" class="btn btn-danger btn-small" :aria-describedby="'key-' + k.id" :disabled="busy !== null || !store.online" @click="revoke(k)">Revoke</button>
              <span :id="'key-' + k.id" class="sr-only">{{ k.description }}</span>
            </li>
          </ul>
          <p v-if="rowError" class="form-error" role="alert">{{ rowError }}</p>
        </section>
      </div>
    </section>`,
};
