// Casino: each game on or off, its payout percentage with the PAR sheet (RTP, hit frequency,
// volatility, top-award odds) previewed before saving, its bet limits, and the RTP realised so far
// beside the configured one.
import { ref, reactive, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { store } from '../../store.js';
import { credits, fullTime, GAME_TITLES } from '../../format.js';
import AdminNav from './AdminNav.js';
import ErrorBox from '../../components/ErrorBox.js';

const pct = (n) => (n == null ? '—' : `${Number(n).toFixed(2)} %`);
const odds = (n) => (n ? `1 in ${Math.round(n).toLocaleString('en-US')}` : '—');

export default {
  components: { AdminNav, ErrorBox },
  setup() {
    const games = ref(null);
    const error = ref(null);
    const forms = reactive({});
    const realised = ref({});

    function formFor(g) {
      return {
        enabled: g.is_enabled, payout: String(g.payout_percentage), min: String(g.min_bet), max: String(g.max_bet),
        saved: g, par: null, parFor: null, previewing: false, saving: false, error: null, done: null,
      };
    }
    async function load() {
      error.value = null;
      try {
        const [config, stats] = await Promise.all([adminApi.casinoConfig(), adminApi.stats()]);
        games.value = config.games;
        for (const g of config.games) forms[g.game_name] = formFor(g);
        realised.value = Object.fromEntries((stats.casino ?? []).map((c) => [c.game, c]));
      } catch (e) {
        error.value = e.message;
      }
    }
    const payoutChanged = (f) => f.payout.trim() !== String(f.saved.payout_percentage);
    const needsPreview = (f) => payoutChanged(f) && f.parFor !== f.payout.trim();

    async function preview(name) {
      const f = forms[name];
      f.error = null;
      f.previewing = true;
      try {
        const want = f.payout.trim();
        f.par = await adminApi.parSheet(name, want);
        f.parFor = want;
      } catch (e) {
        f.error = e.message;
      } finally {
        f.previewing = false;
      }
    }
    async function save(name) {
      const f = forms[name];
      f.error = null;
      f.done = null;
      if (needsPreview(f)) {
        f.error = 'Preview the PAR sheet of the new payout before saving.';
        return;
      }
      f.saving = true;
      try {
        const patch = { is_enabled: f.enabled, min_bet: f.min.trim(), max_bet: f.max.trim() };
        if (payoutChanged(f)) patch.payout_percentage = Number(f.payout.trim());
        const r = await adminApi.saveCasino(name, patch);
        const par = f.par;
        Object.assign(f, formFor(r.config), { par, parFor: par ? String(r.config.payout_percentage) : null, done: r.message });
        games.value = games.value.map((g) => (g.game_name === name ? r.config : g));
      } catch (e) {
        f.error = e.message;
      } finally {
        f.saving = false;
      }
    }
    onMounted(load);
    return { store, games, error, forms, realised, GAME_TITLES, credits, fullTime, pct, odds, load, preview, save, needsPreview };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Casino</h1>
      <ErrorBox v-if="error" :message="error" @retry="load" />
      <div v-else-if="games === null" class="sk sk-card" role="status" aria-label="Loading games"></div>
      <div v-else class="admin-grid">
        <section v-for="g in games" :key="g.game_name" class="card game-card" :aria-labelledby="'game-' + g.game_name">
          <h2 :id="'game-' + g.game_name">{{ GAME_TITLES[g.game_name] ?? g.game_name }}</h2>
          <dl class="facts">
            <div><dt>State</dt><dd><span v-if="g.is_enabled" class="pill pill-good">On</span><span v-else class="pill pill-off">Off</span></dd></div>
            <div><dt>Configured RTP</dt><dd class="num">{{ pct(g.rtp) }} <span class="small muted">(payout {{ g.payout_percentage }})</span></dd></div>
            <div><dt>Realised RTP</dt><dd class="num">{{ pct(realised[g.game_name]?.realised_rtp_percent) }}
              <span v-if="realised[g.game_name]" class="small muted">over {{ realised[g.game_name].bets }} spins</span></dd></div>
            <div><dt>House take</dt><dd class="num">{{ realised[g.game_name] ? credits(realised[g.game_name].take) : '—' }}</dd></div>
          </dl>
          <form class="form" novalidate @submit.prevent="save(g.game_name)">
            <div class="check-row"><input :id="'on-' + g.game_name" v-model="forms[g.game_name].enabled" type="checkbox"><label :for="'on-' + g.game_name">Game on</label></div>
            <div class="field"><label class="label" :for="'payout-' + g.game_name">Payout percentage</label>
              <div class="input-row"><input :id="'payout-' + g.game_name" v-model="forms[g.game_name].payout" class="num" inputmode="numeric" autocomplete="off" :aria-describedby="'payout-hint-' + g.game_name">
                <button type="button" class="btn btn-ghost" :disabled="forms[g.game_name].previewing || !store.online" @click="preview(g.game_name)">Preview</button></div>
              <span :id="'payout-hint-' + g.game_name" class="hint">50–120. A new payout is saved only after its PAR sheet was previewed.</span></div>
            <div v-if="forms[g.game_name].par" class="par" role="status">
              <h3 class="par-title">PAR sheet at payout {{ forms[g.game_name].par.payout_percentage }}</h3>
              <dl class="facts">
                <div><dt>RTP</dt><dd class="num">{{ pct(forms[g.game_name].par.rtp) }}</dd></div>
                <div><dt>Hit frequency</dt><dd class="num">{{ pct(forms[g.game_name].par.hit_frequency) }}</dd></div>
                <div><dt>Volatility index</dt><dd class="num">{{ forms[g.game_name].par.volatility_index.toFixed(2) }}</dd></div>
                <div><dt>Top award ({{ forms[g.game_name].par.top_award }})</dt><dd class="num">{{ odds(forms[g.game_name].par.top_award_odds) }}</dd></div>
                <div><dt>Largest win</dt><dd class="num">{{ forms[g.game_name].par.max_win_multiplier }}× bet</dd></div>
              </dl>
            </div>
            <div class="two-buttons">
              <div class="field"><label class="label" :for="'min-' + g.game_name">Minimum bet</label><input :id="'min-' + g.game_name" v-model="forms[g.game_name].min" class="num" inputmode="decimal" autocomplete="off"></div>
              <div class="field"><label class="label" :for="'max-' + g.game_name">Maximum bet</label><input :id="'max-' + g.game_name" v-model="forms[g.game_name].max" class="num" inputmode="decimal" autocomplete="off"></div>
            </div>
            <p v-if="forms[g.game_name].error" class="form-error" role="alert">{{ forms[g.game_name].error }}</p>
            <p v-else-if="forms[g.game_name].done" class="ok-text" role="status">{{ forms[g.game_name].done }}</p>
            <button type="submit" class="btn btn-primary btn-block" :disabled="forms[g.game_name].saving || !store.online || needsPreview(forms[g.game_name])">Save</button>
          </form>
        </section>
      </div>
    </section>`,
};
