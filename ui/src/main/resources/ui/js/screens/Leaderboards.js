// The event's leaderboards: biggest casino wins, faction totals, most generous senders — open to
// players once a GM switches them on (GMs always see them). A player can keep their name off.
import { ref, onMounted } from 'vue';
import { api } from '../api.js';
import { credits, GAME_TITLES } from '../format.js';
import ErrorBox from '../components/ErrorBox.js';

export default {
  components: { ErrorBox },
  setup() {
    const boards = ref(null);
    const error = ref(null);
    const saving = ref(false);
    const note = ref('');
    async function load() {
      error.value = null;
      try {
        boards.value = await api.leaderboards();
      } catch (e) {
        error.value = e.message;
      }
    }
    async function toggle(event) {
      const showMe = event.target.checked;
      saving.value = true;
      note.value = '';
      try {
        const r = await api.leaderboardOptOut(!showMe);
        note.value = r.message;
        await load();
      } catch (e) {
        note.value = e.message;
        event.target.checked = !showMe;
      } finally {
        saving.value = false;
      }
    }
    onMounted(load);
    return { boards, error, saving, note, load, toggle, credits, GAME_TITLES };
  },
  template: `
    <section class="leaderboards">
      <h1>Leaderboards</h1>
      <ErrorBox v-if="error" :message="error" @retry="load" />
      <div v-else-if="!boards" class="sk sk-card" role="status" aria-label="Loading leaderboards"></div>
      <template v-else>
        <p v-if="boards.message" class="card closed-card" role="status">{{ boards.message }}</p>
        <template v-if="boards.biggest_wins">
          <section class="card lb" aria-labelledby="lb-wins">
            <h2 id="lb-wins">Biggest casino wins</h2>
            <ol v-if="boards.biggest_wins.length" class="lb-list">
              <li v-for="w in boards.biggest_wins" :key="'w' + w.rank">
                <span class="lb-rank num">{{ w.rank }}</span>
                <span class="lb-who"><span :class="{ muted: w.anonymous }">{{ w.character_name }}</span><span class="muted small"> · {{ GAME_TITLES[w.game] ?? w.game }}</span></span>
                <span class="lb-value num">{{ credits(w.win_amount) }}</span>
              </li>
            </ol>
            <p v-else class="muted small">No wins yet.</p>
          </section>
          <section class="card lb" aria-labelledby="lb-factions">
            <h2 id="lb-factions">Faction totals</h2>
            <ol v-if="boards.faction_totals.length" class="lb-list">
              <li v-for="f in boards.faction_totals" :key="'f' + f.rank">
                <span class="lb-rank num">{{ f.rank }}</span>
                <span class="lb-who">{{ f.faction }}<span class="muted small"> · {{ f.members }} {{ f.members === 1 ? 'member' : 'members' }}</span></span>
                <span class="lb-value num">{{ credits(f.total_balance) }}</span>
              </li>
            </ol>
            <p v-else class="muted small">No factions yet.</p>
          </section>
          <section class="card lb" aria-labelledby="lb-senders">
            <h2 id="lb-senders">Most generous senders</h2>
            <ol v-if="boards.generous_senders.length" class="lb-list">
              <li v-for="s in boards.generous_senders" :key="'s' + s.rank">
                <span class="lb-rank num">{{ s.rank }}</span>
                <span class="lb-who"><span :class="{ muted: s.anonymous }">{{ s.character_name }}</span><span class="muted small"> · {{ s.transfers }} {{ s.transfers === 1 ? 'transfer' : 'transfers' }}</span></span>
                <span class="lb-value num">{{ credits(s.total_sent) }}</span>
              </li>
            </ol>
            <p v-else class="muted small">Nobody has sent credits yet.</p>
          </section>
        </template>
        <label class="card lb-optin">
          <input type="checkbox" :checked="!boards.opted_out" :disabled="saving" @change="toggle">
          <span>Show my name on the leaderboards<br><span class="muted small">Off: you appear as “Anonymous” to other players.</span></span>
        </label>
        <p v-if="note" class="muted small" role="status">{{ note }}</p>
      </template>
    </section>`,
};
