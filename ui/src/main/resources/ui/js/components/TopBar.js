// The slim top bar: who is signed in and the balance chip, visible on every screen.
import { computed } from 'vue';
import { store } from '../store.js';
import { credits } from '../format.js';

const LOGO = new URL('../../icons/icon.svg', import.meta.url).href;

export default {
  setup() {
    const name = computed(() => store.user?.character_name ?? store.last?.name ?? '');
    const avatar = computed(() => {
      const p = store.user?.profile_picture ?? '';
      return p && !p.includes(':') ? p : (name.value.trim()[0] ?? '?').toUpperCase();
    });
    const balance = computed(() => store.user?.balance ?? store.last?.balance);
    return { store, name, avatar, balance, credits, LOGO };
  },
  template: `
    <header class="topbar">
      <a class="brand" href="#/bank" aria-label="NeoBank home"><img class="brand-logo" :src="LOGO" alt="" width="28" height="28"><span class="brand-name">NEOBANK</span></a>
      <div class="who">
        <span class="avatar" aria-hidden="true">{{ avatar }}</span>
        <span class="who-name">{{ name }}</span>
      </div>
      <a class="chip num" href="#/bank" :aria-label="'Current balance ' + (balance == null ? 'loading' : credits(balance))">
        <span v-if="balance == null" class="sk sk-chip"></span><template v-else>{{ credits(balance) }}</template>
      </a>
    </header>`,
};
