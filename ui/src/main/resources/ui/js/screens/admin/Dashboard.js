// The economy at a glance: money supply, transfers and spins per minute, the house's take and
// active players over time (uPlot charts from GET /admin/stats/series), each game's realised RTP
// against its setting, faction totals and the top balances. Refreshes itself every 15 s.
import { ref, computed, onMounted, onBeforeUnmount } from 'vue';
import { adminApi } from './adminApi.js';
import { credits, GAME_TITLES } from '../../format.js';
import AdminNav from './AdminNav.js';
import Chart from './Chart.js';
import ErrorBox from '../../components/ErrorBox.js';

const WINDOWS = [
  { id: '1h', label: 'Last hour', ms: 3600e3, step: 60 },
  { id: '6h', label: '6 hours', ms: 6 * 3600e3, step: 300 },
  { id: '24h', label: '24 hours', ms: 24 * 3600e3, step: 900 },
  { id: '3d', label: '3 days', ms: 72 * 3600e3, step: 3600 },
];
const EVERY_MS = 15000;
const pct = (n) => (n == null ? '—' : `${Number(n).toFixed(2)} %`);
const last = (xs) => (xs?.length ? xs[xs.length - 1] : null);

export default {
  components: { AdminNav, Chart, ErrorBox },
  setup() {
    const win = ref(WINDOWS[0]);
    const series = ref(null);
    const stats = ref(null);
    const config = ref(null);
    const error = ref(null);
    let timer = null;

    async function load() {
      clearTimeout(timer);
      try {
        const to = Date.now();
        const [s, st, c] = await Promise.all([
          adminApi.series(new Date(to - win.value.ms).toISOString(), new Date(to).toISOString(), win.value.step),
          adminApi.stats(),
          config.value ? Promise.resolve(config.value) : adminApi.casinoConfig(),
        ]);
        series.value = s;
        stats.value = st;
        config.value = c;
        error.value = null;
      } catch (e) {
        error.value = e.message;
      }
      timer = setTimeout(load, EVERY_MS);
    }
    function pick(w) {
      win.value = w;
      series.value = null;
      load();
    }

    const perMinute = (xs) => xs.map((v) => v / ((series.value?.step_seconds ?? 60) / 60));
    const supplyData = computed(() => series.value && [series.value.t, series.value.money_supply.map(Number)]);
    const rateData = computed(() => series.value && [series.value.t, perMinute(series.value.transfers), perMinute(series.value.spins), perMinute(series.value.terminal_payments)]);
    const takeData = computed(() => series.value && [series.value.t, series.value.house_take.map(Number), series.value.wagered.map(Number)]);
    const playersData = computed(() => series.value && [series.value.t, series.value.active_players]);
    const games = computed(() => (config.value?.games ?? []).map((g) => {
      const inWindow = series.value?.games.find((x) => x.game === g.game_name);
      const allTime = stats.value?.casino.find((x) => x.game === g.game_name);
      return { name: GAME_TITLES[g.game_name] ?? g.game_name, setting: g.rtp, enabled: g.is_enabled, window: inWindow, allTime };
    }));
    const maxFaction = computed(() => Math.max(1, ...(stats.value?.factions ?? []).map((f) => Number(f.total_balance))));
    const n = (v) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 1 });
    const summary = computed(() => series.value && {
      supply: `Money supply over ${win.value.label.toLowerCase()}: now ${credits(last(series.value.money_supply))}.`,
      rates: `Per minute in the last bucket: ${n(last(perMinute(series.value.transfers)))} transfers, ${n(last(perMinute(series.value.spins)))} spins, ${n(last(perMinute(series.value.terminal_payments)))} terminal payments.`,
      take: `House take in the last bucket ${credits(last(series.value.house_take))} of ${credits(last(series.value.wagered))} wagered.`,
      players: `Active players in the last bucket: ${last(series.value.active_players)}.`,
    });

    onMounted(load);
    onBeforeUnmount(() => clearTimeout(timer));
    return { WINDOWS, win, series, stats, error, supplyData, rateData, takeData, playersData, games, maxFaction, summary, credits, pct, n, load, pick };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Dashboard</h1>
      <div class="window-pick" role="group" aria-label="Time window">
        <button v-for="w in WINDOWS" :key="w.id" type="button" class="btn btn-secondary btn-small" :aria-pressed="win.id === w.id ? 'true' : 'false'" @click="pick(w)">{{ w.label }}</button>
      </div>
      <ErrorBox v-if="error && !series" :message="error" @retry="load" />
      <p v-else-if="error" class="stale small" role="status">{{ error }}</p>
      <dl v-if="stats" class="stat-tiles">
        <div class="stat-tile"><dt>Money supply</dt><dd>{{ credits(stats.money_supply) }}</dd></div>
        <div class="stat-tile"><dt>House balance</dt><dd>{{ credits(stats.house_balance) }}</dd></div>
        <div class="stat-tile"><dt>Casino take</dt><dd>{{ credits(stats.casino_take) }}</dd></div>
        <div class="stat-tile"><dt>Active players (1 h)</dt><dd>{{ stats.active_players_last_hour }} / {{ stats.players }}</dd></div>
        <div class="stat-tile"><dt>Transactions (1 h)</dt><dd>{{ stats.transactions_last_hour }}</dd></div>
        <div class="stat-tile"><dt>Frozen</dt><dd>{{ stats.frozen_players }}</dd></div>
      </dl>
      <div v-else-if="!error" class="sk sk-card" role="status" aria-label="Loading figures"></div>

      <div v-if="series" class="charts">
        <section class="card chart-card" aria-labelledby="chart-supply"><h2 id="chart-supply">Money supply</h2>
          <Chart :data="supplyData" :lines="[{ label: 'Money supply', format: credits }]" :label="summary.supply" /></section>
        <section class="card chart-card" aria-labelledby="chart-rates"><h2 id="chart-rates">Transfers and spins per minute</h2>
          <Chart :data="rateData" :lines="[{ label: 'Transfers', format: n }, { label: 'Spins', format: n }, { label: 'Terminal', format: n }]" :label="summary.rates" /></section>
        <section class="card chart-card" aria-labelledby="chart-take"><h2 id="chart-take">House take</h2>
          <Chart :data="takeData" :lines="[{ label: 'House take', format: credits }, { label: 'Wagered', format: credits }]" :label="summary.take" /></section>
        <section class="card chart-card" aria-labelledby="chart-players"><h2 id="chart-players">Active players</h2>
          <Chart :data="playersData" :lines="[{ label: 'Active players', format: n }]" :label="summary.players" /></section>
      </div>
      <div v-else-if="!error" class="charts"><div class="sk sk-card"></div><div class="sk sk-card"></div></div>

      <div v-if="stats" class="admin-grid">
        <section class="card" aria-labelledby="dash-rtp">
          <h2 id="dash-rtp">Realised RTP per game</h2>
          <div class="table-wrap"><table class="table">
            <thead><tr><th scope="col">Game</th><th scope="col" class="num">Setting</th><th scope="col" class="num">{{ win.label }}</th><th scope="col" class="num">All time</th></tr></thead>
            <tbody><tr v-for="g in games" :key="g.name"><td>{{ g.name }}<span v-if="!g.enabled" class="pill pill-off">Off</span></td>
              <td class="num">{{ pct(g.setting) }}</td>
              <td class="num">{{ pct(g.window?.realised_rtp_percent) }}<div class="small muted">{{ g.window ? g.window.spins + ' spins' : 'no spins' }}</div></td>
              <td class="num">{{ pct(g.allTime?.realised_rtp_percent) }}<div class="small muted">{{ g.allTime ? credits(g.allTime.take) + ' take' : '' }}</div></td></tr></tbody>
          </table></div>
        </section>
        <section class="card" aria-labelledby="dash-factions">
          <h2 id="dash-factions">Faction totals</h2>
          <p v-if="stats.factions.length === 0" class="empty muted">No factions yet.</p>
          <ul v-else class="plain-list bars">
            <li v-for="f in stats.factions" :key="f.faction"><div class="bar-head"><span>{{ f.faction }} <span class="small muted">({{ f.user_count }})</span></span><span class="num">{{ credits(f.total_balance) }}</span></div>
              <meter :value="Number(f.total_balance)" min="0" :max="maxFaction" :aria-label="f.faction + ' total'"></meter></li>
          </ul>
        </section>
        <section class="card" aria-labelledby="dash-top">
          <h2 id="dash-top">Top balances</h2>
          <ol class="top-list">
            <li v-for="p in stats.top_balances" :key="p.account_number"><a :href="'#/admin/user?acct=' + p.account_number">{{ p.character_name }}</a>
              <span class="small muted">{{ p.faction }}</span><span class="num">{{ credits(p.balance) }}</span></li>
          </ol>
        </section>
      </div>
    </section>`,
};
