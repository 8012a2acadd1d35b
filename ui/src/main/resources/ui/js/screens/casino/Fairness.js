// The fairness panel: the commitment to the secret server seed, the client seed (editable), the
// nonce, rotate (which reveals the old seed), and "verify" on past spins, recomputed here in the
// browser with Web Crypto (js/fair.js), showing the reels the seeds give. The spin list comes
// from the bank (GET /api/v1/casino/spins), so it is the same on every phone.
import { ref, onMounted } from 'vue';
import { api } from '../../api.js';
import { store } from '../../store.js';
import { credits, when } from '../../format.js';
import { titles } from '../../casino.js';
import { verifySpin, sha256Hex } from '../../fair.js';
import ErrorBox from '../../components/ErrorBox.js';
import GameTabs from './GameTabs.js';

export default {
  components: { ErrorBox, GameTabs },
  setup() {
    const seeds = ref(null);
    const clientSeed = ref('');
    const error = ref(null);
    const seedError = ref(null);
    const busy = ref(false);
    const revealed = ref(null);
    const spins = ref(null);
    const spinsCursor = ref(null);
    const spinsError = ref(null);
    const checks = ref({});
    const lookupId = ref('');

    async function load() {
      error.value = null;
      try {
        seeds.value = await api.fairness();
        clientSeed.value = seeds.value.client_seed;
      } catch (e) {
        error.value = e.message;
      }
    }
    async function loadSpins(more = false) {
      spinsError.value = null;
      try {
        const r = await api.spins(more ? spinsCursor.value : null);
        spins.value = more ? spins.value.concat(r.spins) : r.spins;
        spinsCursor.value = r.next_cursor ?? null;
      } catch (e) {
        spinsError.value = e.message;
      }
    }
    onMounted(() => {
      load();
      loadSpins();
    });

    async function saveSeed() {
      seedError.value = null;
      busy.value = true;
      try {
        seeds.value = await api.setClientSeed(clientSeed.value.trim());
        clientSeed.value = seeds.value.client_seed;
      } catch (e) {
        seedError.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    async function rotate() {
      busy.value = true;
      error.value = null;
      try {
        const r = await api.rotateSeed();
        const ok = (await sha256Hex(r.revealed_server_seed)) === r.revealed_server_seed_hash;
        revealed.value = { seed: r.revealed_server_seed, hash: r.revealed_server_seed_hash, ok };
        seeds.value = { server_seed_hash: r.server_seed_hash, client_seed: r.client_seed, nonce: r.nonce };
        checks.value = {};
        loadSpins();
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    async function verify(id) {
      checks.value = { ...checks.value, [id]: { state: 'working' } };
      try {
        const spin = await api.spinRecord(id);
        if (!spin.server_seed) {
          checks.value = { ...checks.value, [id]: { state: 'sealed', spin } };
          return;
        }
        const { reels } = await api.reels(spin.game, spin.payout_percentage);
        const v = await verifySpin(spin, reels);
        checks.value = { ...checks.value, [id]: { state: v.matches ? 'ok' : 'bad', spin, v } };
      } catch (e) {
        checks.value = { ...checks.value, [id]: { state: 'error', message: e.message } };
      }
    }

    function verifyTyped() {
      const id = Number.parseInt(lookupId.value, 10);
      if (!Number.isInteger(id) || id < 1) return;
      if (!spins.value?.some((s) => s.spin_id === id)) spins.value = [{ spin_id: id, game: null }, ...(spins.value ?? [])];
      verify(id);
    }

    return { store, seeds, clientSeed, error, seedError, busy, revealed, spins, spinsCursor, spinsError, loadSpins, checks, lookupId, titles, credits, when, load, saveSeed, rotate, verify, verifyTyped };
  },
  template: `
    <section class="fairness">
      <GameTabs current="fairness" />
      <h1>Provably fair</h1>
      <p class="muted small">Before you spin, the bank commits to a secret server seed by showing its SHA-256 hash. Each spin's reels come from HMAC-SHA256 of that seed with your client seed and the spin's nonce. Rotate to reveal the old seed, then verify any spin it made: this phone recomputes the reels itself.</p>
      <ErrorBox v-if="error" :message="error" @retry="load" />
      <div v-if="!seeds && !error" class="sk sk-card"></div>
      <div v-else-if="seeds" class="card seeds">
        <div class="seed-line"><span class="label">Server seed hash (commitment)</span><code class="hash">{{ seeds.server_seed_hash }}</code></div>
        <div class="seed-line"><span class="label">Next nonce</span><span class="num">{{ seeds.nonce }}</span></div>
        <form class="field" novalidate @submit.prevent="saveSeed">
          <label class="label" for="client-seed">Client seed</label>
          <div class="input-row">
            <input id="client-seed" v-model="clientSeed" class="num" maxlength="64" autocomplete="off" spellcheck="false" autocapitalize="none">
            <button type="submit" class="btn btn-secondary" :disabled="busy || !store.online || clientSeed.trim() === seeds.client_seed">Save</button>
          </div>
          <span v-if="seedError" class="field-error" role="alert">{{ seedError }}</span>
          <span v-else class="hint">Any 1–64 letters, digits or symbols, no spaces or colons.</span>
        </form>
        <button type="button" class="btn btn-ghost btn-block" :disabled="busy || !store.online" @click="rotate">Rotate seed</button>
        <div v-if="revealed" class="revealed" role="status">
          <span class="label">Revealed server seed</span>
          <code class="hash">{{ revealed.seed }}</code>
          <span :class="revealed.ok ? 'ok-text' : 'field-error'">{{ revealed.ok ? '✓ Its SHA-256 is the hash you were shown before.' : '✗ Its SHA-256 does not match the commitment!' }}</span>
        </div>
      </div>

      <section class="card" aria-labelledby="spins-title">
        <h2 id="spins-title">Your spins</h2>
        <form class="input-row verify-any" novalidate @submit.prevent="verifyTyped">
          <label class="sr-only" for="spin-number">Spin number</label>
          <input id="spin-number" v-model="lookupId" class="num" inputmode="numeric" placeholder="Spin number">
          <button type="submit" class="btn btn-secondary" :disabled="!store.online">Check</button>
        </form>
        <ErrorBox v-if="spinsError" :message="spinsError" @retry="loadSpins()" />
        <div v-else-if="spins === null" class="sk sk-row"></div>
        <p v-else-if="spins.length === 0" class="muted">No spins yet. Play a round, rotate your seed, then verify it here.</p>
        <ul v-else class="spin-list">
          <li v-for="s in spins" :key="s.spin_id" class="spin-item">
            <div class="spin-head">
              <span><strong>Spin #{{ s.spin_id }}</strong> <span class="muted small">{{ s.game ? titles[s.game] : '' }}<template v-if="s.timestamp"> · {{ when(s.timestamp) }}</template><template v-if="s.game"> · {{ s.win_amount > 0 ? 'won ' + credits(s.win_amount) : 'no win' }} · {{ s.seed_revealed ? 'seed revealed' : 'seed sealed' }}</template></span></span>
              <button type="button" class="btn btn-ghost btn-small" :aria-label="'Verify spin ' + s.spin_id" :disabled="checks[s.spin_id]?.state === 'working' || !store.online" @click="verify(s.spin_id)">Verify</button>
            </div>
            <div v-if="checks[s.spin_id]" class="check-result" role="status" aria-live="polite">
              <span v-if="checks[s.spin_id].state === 'working'" class="muted">Recomputing…</span>
              <span v-else-if="checks[s.spin_id].state === 'sealed'" class="muted">Its server seed is still secret. Rotate the seed to reveal it, then verify.</span>
              <span v-else-if="checks[s.spin_id].state === 'error'" class="field-error">{{ checks[s.spin_id].message }}</span>
              <template v-else>
                <div class="mini-grid" :class="'cols-' + checks[s.spin_id].v.grid[0].length" role="img" :aria-label="'Recomputed reels: ' + checks[s.spin_id].v.grid.map((r) => r.join(' ')).join(', ')">
                  <template v-for="(row, y) in checks[s.spin_id].v.grid" :key="y"><span v-for="(sym, x) in row" :key="x" class="mini-cell">{{ sym }}</span></template>
                </div>
                <span :class="checks[s.spin_id].state === 'ok' ? 'ok-text' : 'field-error'">
                  {{ checks[s.spin_id].state === 'ok' ? '✓ Verified: the seeds give exactly these reels (stops ' + checks[s.spin_id].v.stops.join(', ') + ').' : '✗ These seeds do not give the recorded reels.' }}
                </span>
                <span class="muted small">Nonce {{ checks[s.spin_id].spin.nonce }} · client seed {{ checks[s.spin_id].spin.client_seed }} · won {{ credits(checks[s.spin_id].spin.win_amount) }}</span>
              </template>
            </div>
          </li>
        </ul>
        <button v-if="spinsCursor" type="button" class="btn btn-ghost btn-block" :disabled="!store.online" @click="loadSpins(true)">Older spins</button>
      </section>
    </section>`,
};
