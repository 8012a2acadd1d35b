// Profile: an emoji avatar, the faction, the password, the terminal PIN, the chips, and log out.
import { ref, reactive, computed, onMounted } from 'vue';
import { api } from '../api.js';
import { store, setUser, signOut, toast } from '../store.js';
import { fullTime, credits } from '../format.js';

const AVATARS = ['🦾', '🤖', '👾', '🐉', '🦊', '🐺', '🦉', '🐍', '💀', '👽', '🧠', '🕶️', '⚡', '🔥', '🌙', '🎲'];

export default {
  setup() {
    const faction = ref(store.user?.faction ?? '');
    const profileMsg = ref(null);
    const profileError = ref(null);
    const busy = ref(null);
    const pw = reactive({ current: '', next: '' });
    const pwMsg = ref(null);
    const pwError = ref(null);
    const pin = reactive({ pin: '', current: '' });
    const pinMsg = ref(null);
    const pinError = ref(null);
    const avatar = computed(() => store.user?.profile_picture ?? '');

    // One action at a time; its message or the bank's refusal shows under its own form.
    async function act(what, message, error, work) {
      busy.value = what;
      message.value = null;
      error.value = null;
      try {
        message.value = await work();
      } catch (e) {
        error.value = e.message;
      } finally {
        busy.value = null;
      }
    }

    function saveProfile(body, what) {
      return act(what, profileMsg, profileError, async () => {
        try {
          const r = await api.profile(body);
          setUser({ ...store.user, ...r.user });
          // A faction is only asked for here; a GM confirms it, and the bank's reply says so.
          if (what === 'avatar') faction.value = r.user.faction ?? '';
          return what === 'avatar' ? 'Avatar saved.' : r.message;
        } catch (e) {
          // A faction change may need a GM's confirmation: the bank says so, and it shows here.
          if (what === 'faction') faction.value = store.user?.faction ?? '';
          throw e;
        }
      });
    }

    function changePassword() {
      return act('password', pwMsg, pwError, async () => {
        const r = await api.password(pw.current, pw.next);
        pw.current = '';
        pw.next = '';
        return r.message;
      });
    }

    function setPin(remove) {
      return act('pin', pinMsg, pinError, async () => {
        const r = await api.pin(remove ? '' : pin.pin, pin.current);
        pin.pin = '';
        pin.current = '';
        return r.message;
      });
    }

    // Chips (NFC tags): the player sees theirs and blocks a lost one at once; a GM unblocks.
    const chips = ref(null);
    const chipMsg = ref(null);
    const chipError = ref(null);
    async function loadChips() {
      try {
        chips.value = (await api.chips()).chips;
      } catch (e) {
        chipError.value = e.message;
      }
    }
    function blockChip(chip) {
      return act('chip', chipMsg, chipError, async () => {
        const r = await api.blockChip(chip.id);
        chips.value = chips.value.map((c) => (c.id === chip.id ? r.chip : c));
        return r.message;
      });
    }
    onMounted(loadChips);

    function logOut() {
      signOut();
      toast('Logged out');
    }

    return {
      store, AVATARS, avatar, faction, profileMsg, profileError, busy, pw, pwMsg, pwError, pin, pinMsg, pinError,
      fullTime, saveProfile, changePassword, setPin, logOut, chips, chipMsg, chipError, blockChip, credits,
    };
  },
  template: `
    <section class="profile">
      <div class="card id-card">
        <div class="id-avatar" aria-hidden="true">{{ avatar && !avatar.includes(':') ? avatar : (store.user?.character_name?.[0] ?? '?') }}</div>
        <div class="id-text">
          <h1 class="id-name">{{ store.user?.character_name ?? '…' }}</h1>
          <p class="num muted">{{ store.user?.account_number }}</p>
          <p class="small muted" v-if="store.user">Since {{ fullTime(store.user.created_at) }}<template v-if="store.user.is_admin"> · <span class="pill pill-good">GM</span></template></p>
        </div>
      </div>

      <section class="card" aria-labelledby="avatar-title">
        <h2 id="avatar-title">Avatar</h2>
        <div class="avatar-grid" role="group" aria-labelledby="avatar-title">
          <button v-for="a in AVATARS" :key="a" type="button" class="avatar-pick" :aria-pressed="avatar === a ? 'true' : 'false'"
                  :aria-label="'Avatar ' + a" :disabled="busy !== null || !store.online" @click="saveProfile({ profile_picture: a }, 'avatar')">{{ a }}</button>
        </div>
      </section>

      <section class="card form" aria-labelledby="faction-title">
        <h2 id="faction-title">Faction</h2>
        <form class="field" novalidate @submit.prevent="saveProfile({ faction_request: faction.trim() }, 'faction')">
          <label class="label" for="profile-faction">Faction</label>
          <div class="input-row">
            <input id="profile-faction" v-model="faction" maxlength="64" autocomplete="off" aria-describedby="profile-faction-hint">
            <button type="submit" class="btn btn-secondary" :disabled="busy !== null || !store.online || faction.trim() === (store.user?.faction ?? '')">Ask to join</button>
          </div>
          <span id="profile-faction-hint" class="hint">A GM confirms membership; faction grants reach members only.</span>
        </form>
        <p v-if="profileError" class="form-error" role="alert">{{ profileError }}</p>
        <p v-else-if="profileMsg" class="ok-text" role="status">{{ profileMsg }}</p>
      </section>

      <section class="card" aria-labelledby="pw-title">
        <h2 id="pw-title">Password</h2>
        <form class="form" novalidate @submit.prevent="changePassword">
          <div class="field"><label class="label" for="pw-current">Current password</label><input id="pw-current" v-model="pw.current" type="password" autocomplete="current-password"></div>
          <div class="field"><label class="label" for="pw-new">New password</label><input id="pw-new" v-model="pw.next" type="password" autocomplete="new-password" minlength="8" aria-describedby="pw-new-hint"><span id="pw-new-hint" class="hint">At least 8 characters. Other phones are logged out.</span></div>
          <p v-if="pwError" class="form-error" role="alert">{{ pwError }}</p>
          <p v-else-if="pwMsg" class="ok-text" role="status">{{ pwMsg }}</p>
          <button type="submit" class="btn btn-secondary btn-block" :disabled="busy !== null || !store.online || !pw.current || !pw.next">Change password</button>
        </form>
      </section>

      <section class="card" aria-labelledby="pin-title">
        <h2 id="pin-title">Terminal PIN</h2>
        <p class="muted small">Vendor terminals ask for this PIN before they charge you. 4–6 digits.</p>
        <form class="form" novalidate @submit.prevent="setPin(false)">
          <div class="field"><label class="label" for="pin-pin">PIN</label><input id="pin-pin" v-model="pin.pin" class="num" type="password" inputmode="numeric" autocomplete="off" maxlength="6"></div>
          <div class="field"><label class="label" for="pin-password">Password to confirm</label><input id="pin-password" v-model="pin.current" type="password" autocomplete="current-password"></div>
          <p v-if="pinError" class="form-error" role="alert">{{ pinError }}</p>
          <p v-else-if="pinMsg" class="ok-text" role="status">{{ pinMsg }}</p>
          <div class="two-buttons">
            <button type="submit" class="btn btn-secondary" :disabled="busy !== null || !store.online || !pin.pin || !pin.current">Set PIN</button>
            <button type="button" class="btn btn-ghost" :disabled="busy !== null || !store.online || !pin.current" @click="setPin(true)">Remove PIN</button>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="chips-title">
        <h2 id="chips-title">Chips</h2>
        <p class="muted small">Tags a vendor's reader taps to charge you. Above a chip's limits the terminal asks for your PIN. Lost one? Block it here at once; a GM can unblock it.</p>
        <p v-if="chips === null && !chipError" class="muted small">Loading…</p>
        <p v-else-if="chips && chips.length === 0" class="muted small">No chips linked. A GM links one at the enrol desk.</p>
        <ul v-else-if="chips" class="tx-list chip-list">
          <li v-for="c in chips" :key="c.id" class="tx chip-row" :data-chip="c.id">
            <span class="tx-icon" aria-hidden="true">📶</span>
            <span class="tx-main">
              <span class="tx-who">{{ c.label }}</span>
              <span class="tx-when">Up to {{ credits(c.per_charge_limit) }} a tap without PIN</span>
              <span class="tx-when">{{ credits(c.spent_today) }} of {{ credits(c.per_day_limit) }} today</span>
            </span>
            <span class="tx-side">
              <span v-if="c.blocked" class="pill pill-off">Blocked</span>
              <button v-else type="button" class="btn btn-danger chip-block" :aria-label="'Block ' + c.label"
                      :disabled="busy !== null || !store.online" @click="blockChip(c)">Block</button>
            </span>
          </li>
        </ul>
        <p v-if="chipError" class="form-error" role="alert">{{ chipError }}</p>
        <p v-else-if="chipMsg" class="ok-text" role="status">{{ chipMsg }}</p>
      </section>

      <button type="button" class="btn btn-danger btn-block" @click="logOut">Log out</button>
    </section>`,
};
