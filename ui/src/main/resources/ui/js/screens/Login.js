// Log in or register a character. The API's messages show in place; a frozen account and a
// closed or event-code registration each say what to do.
import { ref, reactive, computed, onMounted, onUnmounted } from 'vue';
import { api } from '../api.js';
import { store, signIn } from '../store.js';
import { continueAfterLogin } from '../router.js';
import { refreshAccount } from '../live.js';

const LOGO = new URL('../../icons/icon.svg', import.meta.url).href;

export default {
  setup() {
    const mode = ref('login');
    const registration = ref('open');
    const form = reactive({ name: '', password: '', faction: '', eventCode: '' });
    const busy = ref(false);
    const error = ref(null);
    const frozen = ref(null);
    const wait = ref(0);
    let countdown = null;

    onMounted(async () => {
      try {
        registration.value = await api.registrationMode();
      } catch {
        registration.value = 'open';
      }
    });
    onUnmounted(() => clearInterval(countdown));

    function startCountdown(seconds) {
      wait.value = seconds;
      clearInterval(countdown);
      countdown = setInterval(() => {
        wait.value -= 1;
        if (wait.value <= 0) {
          clearInterval(countdown);
          error.value = null;
        }
      }, 1000);
    }

    function fail(e) {
      if (e.status === 403 && /frozen/i.test(e.message)) {
        frozen.value = e.message;
      } else {
        error.value = e.message;
      }
      if (e.retryAfter) startCountdown(e.retryAfter);
    }

    async function login() {
      if (busy.value || wait.value > 0) return;
      busy.value = true;
      error.value = null;
      frozen.value = null;
      try {
        const r = await api.login(form.name.trim(), form.password);
        signIn(r.access_token, r.user);
        form.password = '';
        continueAfterLogin();
        refreshAccount().catch(() => {});
      } catch (e) {
        fail(e);
      } finally {
        busy.value = false;
      }
    }

    async function register() {
      if (busy.value || wait.value > 0) return;
      busy.value = true;
      error.value = null;
      try {
        const body = { character_name: form.name.trim(), password: form.password };
        if (form.faction.trim()) body.faction = form.faction.trim();
        if (registration.value === 'code') body.event_code = form.eventCode.trim();
        await api.register(body);
        const r = await api.login(body.character_name, form.password);
        signIn(r.access_token, r.user);
        form.password = '';
        continueAfterLogin();
      } catch (e) {
        fail(e);
      } finally {
        busy.value = false;
      }
    }

    function switchTo(m) {
      mode.value = m;
      error.value = null;
      frozen.value = null;
    }

    const closed = computed(() => mode.value === 'register' && registration.value === 'closed');
    return { mode, registration, form, busy, error, frozen, wait, store, closed, LOGO, login, register, switchTo };
  },
  template: `
    <section class="login">
      <div class="hero" aria-hidden="true">
        <img class="hero-logo" :src="LOGO" alt="" width="88" height="88">
        <div class="hero-name">NEOBANK</div>
        <div class="hero-sub">&amp; CHROME SLOTS</div>
      </div>
      <h1 class="login-title">{{ mode === 'login' ? 'Welcome back, runner' : 'New in Neotropolis' }}</h1>
      <p v-if="store.sessionEnded && mode === 'login' && !frozen" class="notice">{{ store.sessionEnded }}</p>

      <div v-if="frozen" class="frozen-card" role="alert">
        <div class="frozen-icon" aria-hidden="true">❄</div>
        <h2>Account frozen</h2>
        <p>{{ frozen }}</p>
        <p class="muted">While an account is frozen no credits can leave or reach it. Find a GM at the bank desk to sort it out.</p>
      </div>

      <div v-if="closed" class="card closed-card" role="status">
        <h2>Registration is closed</h2>
        <p>New characters are created by the GMs for this event. Ask a GM at the bank desk for your log-in.</p>
      </div>

      <form v-else class="card form" novalidate @submit.prevent="mode === 'login' ? login() : register()">
        <div class="field">
          <label class="label" for="login-name">Character name</label>
          <input id="login-name" v-model="form.name" name="character_name" autocomplete="username" autocapitalize="words" spellcheck="false" required maxlength="32">
        </div>
        <div class="field">
          <label class="label" for="login-password">Password</label>
          <input id="login-password" v-model="form.password" name="password" type="password" :autocomplete="mode === 'login' ? 'current-password' : 'new-password'" required
                 :aria-describedby="mode === 'register' ? 'login-password-hint' : null">
          <span v-if="mode === 'register'" id="login-password-hint" class="hint">At least 8 characters.</span>
        </div>
        <div v-if="mode === 'register'" class="field">
          <label class="label" for="login-faction">Faction</label>
          <input id="login-faction" v-model="form.faction" name="faction" autocomplete="off" maxlength="64" aria-describedby="login-faction-hint">
          <span id="login-faction-hint" class="hint">Optional. A GM confirms membership.</span>
        </div>
        <div v-if="mode === 'register' && registration === 'code'" class="field">
          <label class="label" for="login-code">Event code</label>
          <input id="login-code" v-model="form.eventCode" name="event_code" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="login-code-hint">
          <span id="login-code-hint" class="hint">Printed on your event ticket or given at check-in.</span>
        </div>
        <div v-if="error" class="form-error" role="alert">{{ wait > 0 ? 'Too many attempts. Try again in ' + wait + ' s.' : error }}</div>
        <button v-if="mode === 'login'" type="submit" class="btn btn-primary btn-block" :disabled="busy || wait > 0 || !store.online">
          {{ busy ? 'Logging in…' : 'Log in' }}
        </button>
        <button v-else type="submit" class="btn btn-primary btn-block" :disabled="busy || wait > 0 || !store.online">
          {{ busy ? 'Registering…' : 'Register' }}
        </button>
      </form>

      <p class="switch">
        <template v-if="mode === 'login'">No character yet? <button type="button" class="link" @click="switchTo('register')">Create a character</button></template>
        <template v-else>Already have one? <button type="button" class="link" @click="switchTo('login')">Back to log in</button></template>
      </p>
    </section>`,
};
