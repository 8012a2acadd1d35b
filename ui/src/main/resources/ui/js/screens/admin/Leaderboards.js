// Leaderboards as GMs see them: the switch that opens them to players (off by default), and the
// three boards with every name, opted-out players flagged (players see those as "Anonymous").
import { ref, onMounted } from 'vue';
import { adminApi } from './adminApi.js';
import { store } from '../../store.js';
import { credits, GAME_TITLES } from '../../format.js';
import AdminNav from './AdminNav.js';
import ErrorBox from '../../components/ErrorBox.js';

export default {
  components: { AdminNav, ErrorBox },
  setup() {
    const boards = ref(null);
    const error = ref(null);
    const saving = ref(false);
    const note = ref(null);
    const noteError = ref(null);

    async function load() {
      error.value = null;
      try {
        boards.value = await adminApi.leaderboards();
      } catch (e) {
        error.value = e.message;
      }
    }
    async function toggle(event) {
      const on = event.target.checked;
      saving.value = true;
      note.value = null;
      noteError.value = null;
      try {
        const r = await adminApi.setLeaderboards(on);
        note.value = r.message ?? (on ? 'Players can see the leaderboards.' : 'The leaderboards are hidden from players.');
        await load();
      } catch (e) {
        noteError.value = e.message;
        event.target.checked = !on;
      } finally {
        saving.value = false;
      }
    }
    onMounted(load);
    return { store, boards, error, saving, note, noteError, credits, GAME_TITLES, load, toggle };
  },
  template: `
    <section class="admin">
      <AdminNav />
      <h1>Leaderboards</h1>
      <ErrorBox v-if="error" :message="error" @retry="load" />
      <div v-else-if="!boards" class="sk sk-card" role="status" aria-label="Loading leaderboards"></div>
      <div v-else class="admin-grid">
        <div>
          <section class="card" aria-labelledby="lb-switch">
            <h2 id="lb-switch">Players' view</h2>
            <div class="check-row"><input id="lb-enabled" type="checkbox" :checked="boards.enabled" :disabled="saving || !store.online" aria-describedby="lb-state" @change="toggle"><label for="lb-enabled">Show leaderboards to players</label></div>
            <p id="lb-state" class="small muted">{{ boards.enabled ? 'On: players see these boards under Casino → Leaderboards, opted-out players as “Anonymous”.' : 'Off: players see that the leaderboards are closed. GMs always see them.' }}</p>
            <p v-if="noteError" class="form-error" role="alert">{{ noteError }}</p>
            <p v-else-if="note" class="ok-text" role="status">{{ note }}</p>
          </section>
          <section class="card lb" aria-labelledby="gm-lb-wins">
            <h2 id="gm-lb-wins">Biggest casino wins</h2>
            <ol v-if="boards.biggest_wins?.length" class="lb-list">
              <li v-for="w in boards.biggest_wins" :key="'w' + w.rank">
                <span class="lb-rank num">{{ w.rank }}</span>
                <span class="lb-who">{{ w.character_name }} <span v-if="w.anonymous" class="pill pill-off">opted out</span><span class="muted small"> · {{ GAME_TITLES[w.game] ?? w.game }}</span></span>
                <span class="lb-value num">{{ credits(w.win_amount) }}</span>
              </li>
            </ol>
            <p v-else class="muted small">No wins yet.</p>
          </section>
        </div>
        <div>
          <section class="card lb" aria-labelledby="gm-lb-factions">
            <h2 id="gm-lb-factions">Faction totals</h2>
            <ol v-if="boards.faction_totals?.length" class="lb-list">
              <li v-for="f in boards.faction_totals" :key="'f' + f.rank">
                <span class="lb-rank num">{{ f.rank }}</span>
                <span class="lb-who">{{ f.faction }}<span class="muted small"> · {{ f.members }} {{ f.members === 1 ? 'member' : 'members' }}</span></span>
                <span class="lb-value num">{{ credits(f.total_balance) }}</span>
              </li>
            </ol>
            <p v-else class="muted small">No factions yet.</p>
          </section>
          <section class="card lb" aria-labelledby="gm-lb-senders">
            <h2 id="gm-lb-senders">Most generous senders</h2>
            <ol v-if="boards.generous_senders?.length" class="lb-list">
              <li v-for="s in boards.generous_senders" :key="'s' + s.rank">
                <span class="lb-rank num">{{ s.rank }}</span>
                <span class="lb-who">{{ s.character_name }} <span v-if="s.anonymous" class="pill pill-off">opted out</span><span class="muted small"> · {{ s.transfers }} {{ s.transfers === 1 ? 'transfer' : 'transfers' }}</span></span>
                <span class="lb-value num">{{ credits(s.total_sent) }}</span>
              </li>
            </ol>
            <p v-else class="muted small">Nobody has sent credits yet.</p>
          </section>
        </div>
      </div>
    </section>`,
};
