// Switches between the machines (and back to the lobby) from a game screen.
import Icon from '../../components/Icon.js';

export default {
  components: { Icon },
  props: { current: { type: String, required: true } },
  template: `
    <nav class="game-tabs" aria-label="Machines">
      <a class="back" href="#/casino" aria-label="Back to the casino"><Icon name="back" /></a>
      <a href="#/casino/glitch-grid" class="game-tab game-name" :aria-current="current === 'glitch_grid' ? 'page' : null">Glitch Grid</a>
      <a href="#/casino/starlight-smuggler" class="game-tab game-name" :aria-current="current === 'starlight_smuggler' ? 'page' : null">Starlight Smuggler</a>
      <a href="#/casino/fairness" class="game-tab fair-tab" aria-label="Fairness" :aria-current="current === 'fairness' ? 'page' : null"><Icon name="fair" /></a>
    </nav>`,
};
