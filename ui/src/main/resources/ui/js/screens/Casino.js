// The casino lobby: the two machines with their limits and true return, and the fairness panel.
import { ref, onMounted } from 'vue';
import { loadGames, games } from '../casino.js';
import { store } from '../store.js';
import { credits } from '../format.js';
import ErrorBox from '../components/ErrorBox.js';
import Icon from '../components/Icon.js';

const ART = {
  glitch_grid: { glyphs: ['🏢', '㊙️', '🔌'], tagline: '3 reels · 1 line · 🏢 is wild', css: 'cab-glitch' },
  starlight_smuggler: { glyphs: ['🚀', '💎', '🌀'], tagline: '5 reels · 9 lines · 🌀 free spins', css: 'cab-star' },
};

export default {
  components: { ErrorBox, Icon },
  setup() {
    const error = ref(null);
    async function load() {
      error.value = null;
      try {
        await loadGames(true);
      } catch (e) {
        error.value = e.message;
      }
    }
    onMounted(load);
    return { games, error, load, credits, ART, store };
  },
  template: `
    <section class="casino">
      <div class="casino-head">
        <h1><span class="casino-title">Chrome Slots</span></h1>
        <span v-if="store.user?.free_spins" class="pill pill-warm">{{ store.user.free_spins }} free spins waiting</span>
      </div>
      <ErrorBox v-if="error" :message="error" @retry="load" />
      <div v-else-if="!games" class="cabinets" role="status" aria-label="Loading games">
        <div class="sk sk-card"></div><div class="sk sk-card"></div>
      </div>
      <div v-else class="cabinets">
        <a v-for="g in games" :key="g.name" :href="'#/casino/' + g.route" class="cabinet" :class="[ART[g.name]?.css, { off: !g.enabled }]"
           :aria-labelledby="'cab-' + g.name" :aria-describedby="'cab-facts-' + g.name">
          <span class="cab-glyphs" aria-hidden="true"><span v-for="s in ART[g.name]?.glyphs" :key="s" class="cab-glyph">{{ s }}</span></span>
          <span :id="'cab-' + g.name" class="cab-name">{{ g.title }}</span>
          <span class="cab-tag">{{ ART[g.name]?.tagline }}</span>
          <span :id="'cab-facts-' + g.name" class="cab-facts">
            <span>Bet {{ credits(g.min_bet) }}–{{ credits(g.max_bet) }}{{ g.bet_per_line ? ' per line' : '' }}</span>
            <span>Returns {{ g.rtp.toFixed(1) }} %</span>
          </span>
          <span v-if="!g.enabled" class="pill pill-off">Closed by the GMs</span>
        </a>
      </div>
      <a class="card fair-link" href="#/casino/fairness">
        <Icon name="fair" class="fair-icon" />
        <span><strong>Provably fair</strong><br><span class="muted small">See your seeds, rotate them and verify any spin yourself.</span></span>
        <Icon name="chevron" class="chev" />
      </a>
      <a class="card fair-link" href="#/leaderboards" aria-labelledby="lb-link" aria-describedby="lb-link-about">
        <span class="fair-icon lb-icon" aria-hidden="true">🏆</span>
        <span><strong id="lb-link">Leaderboards</strong><br><span id="lb-link-about" class="muted small">Biggest wins, richest factions, most generous runners.</span></span>
        <Icon name="chevron" class="chev" />
      </a>
      <p class="muted small center">Play for fun with in-game credits only. Outcomes come from your own seeds: nobody can change a spin after you press Spin.</p>
    </section>`,
};
