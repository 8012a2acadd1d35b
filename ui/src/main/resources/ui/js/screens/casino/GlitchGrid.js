// Glitch Grid: three reels, one line, the corp tower is wild.
import SlotMachine from './SlotMachine.js';
import GameTabs from './GameTabs.js';

export default {
  components: { SlotMachine, GameTabs },
  template: `
    <section class="game">
      <GameTabs current="glitch_grid" />
      <h1 class="game-title glitch" data-text="Glitch Grid">Glitch Grid</h1>
      <SlotMachine name="glitch_grid" :rows="1" :reels="3" />
    </section>`,
};
