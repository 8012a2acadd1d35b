// Starlight Smuggler: five reels, three rows, nine lines, vortex scatters that award free spins.
import SlotMachine from './SlotMachine.js';
import GameTabs from './GameTabs.js';

export default {
  components: { SlotMachine, GameTabs },
  template: `
    <section class="game">
      <GameTabs current="starlight_smuggler" />
      <h1 class="game-title starlight">Starlight Smuggler</h1>
      <SlotMachine name="starlight_smuggler" :rows="3" :reels="5" />
    </section>`,
};
