// One slot machine: reels that spin and stop left to right (instant under reduced motion), a bet
// stepper that keeps to the game's limits, Spin, the result announced, wins celebrated, refusals
// explained, free spins shown and played, and the paytable with the configured return.
import { ref, computed, onMounted, onUnmounted } from 'vue';
import { api, newKey } from '../../api.js';
import { store, setUser, noteActivity } from '../../store.js';
import { credits } from '../../format.js';
import { loadGames } from '../../casino.js';
import ErrorBox from '../../components/ErrorBox.js';
import Paytable from './Paytable.js';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));
const multiple = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const times = (x) => `${multiple.format(Number(x))}×`;

export default {
  components: { ErrorBox, Paytable },
  props: { name: { type: String, required: true }, rows: { type: Number, required: true }, reels: { type: Number, required: true } },
  setup(props) {
    const game = ref(null);
    const loadError = ref(null);
    const bet = ref(0);
    const grid = ref([]);
    const spinning = ref([]);
    const busy = ref(false);
    const result = ref(null);
    const error = ref(null);
    const freeBet = ref(null);
    const lit = ref(new Set());
    let key = null;
    let alive = true;
    onUnmounted(() => { alive = false; });

    const symbols = computed(() => {
      const t = game.value?.paytable;
      if (!t) return ['◇'];
      return [...t.lines.map((l) => l.symbol), ...(t.scatter ? [t.scatter.symbol] : [])];
    });
    const lines = computed(() => game.value?.paylines ?? 1);
    const totalBet = computed(() => bet.value * lines.value);
    const freeSpins = computed(() => (game.value?.bet_per_line ? store.user?.free_spins ?? 0 : 0));
    const canSpin = computed(() => game.value?.enabled && !busy.value && store.online
      && (freeSpins.value > 0 || Number(store.user?.balance ?? 0) >= totalBet.value));

    // Before the first spin: the symbols laid out so that no line could look like a win.
    function attractGrid() {
      const s = symbols.value;
      return Array.from({ length: props.rows }, (_, y) => Array.from({ length: props.reels }, (_, x) => s[(2 * x + y) % s.length]));
    }

    onMounted(async () => {
      try {
        const all = await loadGames();
        game.value = all.find((g) => g.name === props.name);
        bet.value = Number(game.value.min_bet);
        grid.value = attractGrid();
        spinning.value = Array(props.reels).fill(false);
      } catch (e) {
        loadError.value = e.message;
      }
    });

    function clamp(v) {
      const g = game.value;
      const step = Number(g.bet_step);
      const n = Math.round(Number(v) / step) * step;
      return Math.min(Number(g.max_bet), Math.max(Number(g.min_bet), Number.isFinite(n) ? n : Number(g.min_bet)));
    }
    function stepBet(dir) {
      bet.value = clamp(bet.value + dir * Number(game.value.bet_step));
    }
    function typedBet(e) {
      bet.value = clamp(e.target.value);
      e.target.value = bet.value;
    }

    function light(r) {
      const on = new Set();
      const rowsOf = game.value.paytable.payline_rows;
      for (const w of r.winning_lines ?? (r.win_amount > 0 ? [{ line: 1, count: props.reels }] : [])) {
        const path = rowsOf[w.line - 1];
        for (let reel = 0; reel < w.count; reel += 1) on.add(`${path[reel]}:${reel}`);
      }
      const scatter = game.value.paytable.scatter;
      if (scatter && (r.scatter_count ?? 0) >= 3) {
        r.grid.forEach((row, y) => row.forEach((s, x) => { if (s === scatter.symbol) on.add(`${y}:${x}`); }));
      }
      return on;
    }

    async function spin() {
      if (!canSpin.value) return;
      busy.value = true;
      error.value = null;
      result.value = null;
      lit.value = new Set();
      const motion = !reducedMotion();
      const started = performance.now();
      if (motion) spinning.value = Array(props.reels).fill(true);
      const wager = freeBet.value ?? bet.value;
      key ??= newKey();
      try {
        const r = await api.spin(game.value.route, wager, key);
        key = null;
        const final = r.grid ?? [r.reels];
        // Reels stop left to right, 1.0 s after the press and then every 110 ms (1.2–1.45 s in all).
        for (let reel = 0; reel < props.reels && motion; reel += 1) {
          await wait(Math.max(0, 1000 + reel * 110 - (performance.now() - started)));
          if (!alive) return;
          grid.value = grid.value.map((row, y) => row.map((s, x) => (x === reel ? final[y][x] : s)));
          spinning.value = spinning.value.map((v, x) => (x === reel ? false : v));
        }
        grid.value = final;
        spinning.value = Array(props.reels).fill(false);
        result.value = r;
        lit.value = light({ ...r, grid: final });
        freeBet.value = (r.free_spins_remaining ?? 0) > 0 ? Number(r.bet_per_line) : null;
        if (store.user) setUser({ ...store.user, balance: r.balance, free_spins: r.free_spins_remaining ?? store.user.free_spins });
        noteActivity();
        if (r.win_amount > 0) navigator.vibrate?.([60, 40, 60, 40, 120]);
      } catch (e) {
        spinning.value = Array(props.reels).fill(false);
        if (e.status !== 0 && e.status !== 409) key = null;
        const m = /free spins at ([\d.]+)/.exec(e.message);
        if (m) freeBet.value = Number(m[1]);
        error.value = e.message;
      } finally {
        busy.value = false;
      }
    }

    const outcome = computed(() => {
      const r = result.value;
      if (!r) return '';
      const parts = [];
      parts.push(r.win_amount > 0 ? `You win ${credits(r.win_amount)} (${times(r.win_multiplier)} the bet)` : 'No win this time');
      if (r.bonus_spins_awarded) parts.push(`${r.bonus_spins_awarded} free spins awarded!`);
      if (r.was_free_spin) parts.push(`free spin, ${r.free_spins_remaining} left`);
      return parts.join(' · ');
    });

    return {
      game, loadError, bet, grid, spinning, busy, result, error, freeBet, freeSpins, lit, totalBet, canSpin,
      outcome, credits, store, stepBet, typedBet, spin,
    };
  },
  template: `
    <div v-if="loadError"><ErrorBox :message="loadError" :retryable="false" /></div>
    <div v-else-if="!game" role="status" aria-label="Loading the machine"><div class="sk sk-card"></div><div class="sk sk-row"></div></div>
    <div v-else class="machine" :class="['machine-' + name, { winning: result?.win_amount > 0 }]">
      <div v-if="!game.enabled" class="error-box" role="alert"><span class="error-icon" aria-hidden="true">!</span><p class="error-text">{{ game.title }} is switched off by the GMs right now. Try the other machine.</p></div>
      <div class="reels" :class="'reels-' + reels" role="img" :aria-label="'Reels: ' + grid.map((row) => row.join(' ')).join(', ')">
        <div v-for="(_, x) in reels" :key="x" class="reel" :class="{ spinning: spinning[x] }">
          <div v-if="spinning[x]" class="reel-blur" aria-hidden="true"><span v-for="s in 8" :key="s">{{ grid[0]?.[(x + s) % reels] ?? '◇' }}</span></div>
          <div v-for="(row, y) in grid" :key="y" class="cell" :class="{ lit: lit.has(y + ':' + x) }">{{ row[x] }}</div>
        </div>
      </div>
      <div class="outcome" role="status" aria-live="polite">
        <span v-if="busy" class="muted">Spinning…</span>
        <span v-else-if="result" :class="result.win_amount > 0 ? 'win-text' : 'muted'">{{ outcome }}</span>
        <span v-else class="muted">Good luck, runner.</span>
      </div>
      <ErrorBox v-if="error" :message="error" :retryable="false" />
      <div v-if="freeSpins > 0" class="free-banner" role="status">
        <strong>{{ freeSpins }} free spins</strong><span v-if="freeBet"> at {{ credits(freeBet) }} per line</span> — Spin plays them at no cost.
      </div>
      <div class="bet-row">
        <div class="field bet-field">
          <label class="label" :for="'bet-' + name">Bet</label>
          <div class="stepper">
            <button type="button" class="btn btn-secondary btn-icon" :disabled="busy || bet <= game.min_bet || freeSpins > 0" aria-label="Lower the bet" @click="stepBet(-1)">−</button>
            <input :id="'bet-' + name" class="num" type="number" inputmode="decimal" :min="game.min_bet" :max="game.max_bet" :step="game.bet_step"
                   :value="freeBet ?? bet" :disabled="busy || freeSpins > 0" :aria-describedby="'bet-hint-' + name" @change="typedBet">
            <button type="button" class="btn btn-secondary btn-icon" :disabled="busy || bet >= game.max_bet || freeSpins > 0" aria-label="Raise the bet" @click="stepBet(1)">+</button>
          </div>
          <span :id="'bet-hint-' + name" class="hint">
            <template v-if="game.bet_per_line">Per line × {{ game.paylines }} lines = {{ credits(totalBet) }}. </template>
            {{ credits(game.min_bet) }}–{{ credits(game.max_bet) }} in steps of {{ credits(game.bet_step) }}
          </span>
        </div>
      </div>
      <button type="button" class="btn btn-warm btn-block spin-button" :disabled="!canSpin" @click="spin">Spin</button>
      <p v-if="game.enabled && !canSpin && !busy && store.online && freeSpins === 0" class="field-error center">Not enough credits for this bet.</p>
      <Paytable :game="game" />
    </div>`,
};
