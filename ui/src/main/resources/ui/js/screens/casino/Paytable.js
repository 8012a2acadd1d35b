// The paytable, straight from the API: what each symbol pays, the wild, the scatter and free
// spins, the paylines, and the configured return to player with its exact figure.
export default {
  props: { game: { type: Object, required: true } },
  setup() {
    const pays = (row) => Object.entries(row.pays).map(([n, x]) => ({ n, x }));
    return { pays };
  },
  template: `
    <details class="card paytable">
      <summary>Paytable and odds</summary>
      <p class="muted small">Return to player: <strong class="num">{{ game.rtp.toFixed(2) }} %</strong> (set to {{ game.payout_percentage }} % by the GMs) · a win on {{ game.hit_frequency.toFixed(1) }} % of spins · top win {{ Math.round(game.max_win_multiplier) }}× the bet.</p>
      <table class="pay-table">
        <caption class="sr-only">What each symbol pays, in {{ game.bet_per_line ? 'line bets' : 'bets' }}</caption>
        <thead><tr><th scope="col">Symbol</th><th scope="col">Pays</th></tr></thead>
        <tbody>
          <tr v-for="row in game.paytable.lines" :key="row.symbol">
            <th scope="row"><span class="pay-symbol" aria-hidden="true">{{ row.symbol }}</span> {{ row.name }}</th>
            <td class="num"><span v-for="p in pays(row)" :key="p.n" class="pay-cell">{{ p.n }}× → {{ p.x }}×</span></td>
          </tr>
          <tr v-if="game.paytable.scatter">
            <th scope="row"><span class="pay-symbol" aria-hidden="true">{{ game.paytable.scatter.symbol }}</span> {{ game.paytable.scatter.name }}</th>
            <td class="num"><span v-for="p in pays(game.paytable.scatter)" :key="p.n" class="pay-cell">{{ p.n }} anywhere → {{ p.x }}× total</span></td>
          </tr>
        </tbody>
      </table>
      <p v-if="game.paytable.wild" class="small">{{ game.paytable.wild }} is wild: it stands in for any symbol.</p>
      <p v-if="game.paytable.free_spins_award" class="small">{{ game.paytable.free_spins_min_scatters }} or more {{ game.paytable.scatter.symbol }} award {{ game.paytable.free_spins_award }} free spins at the same bet.</p>
      <div v-if="game.paylines > 1" class="paylines" role="group" aria-label="The paylines">
        <div v-for="(path, i) in game.paytable.payline_rows" :key="i" class="payline" role="img" :aria-label="'Line ' + (i + 1)">
          <span v-for="y in 3" :key="y" class="pl-row"><span v-for="(r, x) in path" :key="x" class="pl-cell" :class="{ on: r === y - 1 }"></span></span>
        </div>
      </div>
      <p class="muted small">Line wins pay left to right from the first reel{{ game.bet_per_line ? ', in line bets' : '' }}.</p>
    </details>`,
};
