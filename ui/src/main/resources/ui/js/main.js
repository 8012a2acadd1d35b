// Boots the app: the root layout (top bar, network bar, the current screen, tab bar, toasts),
// the router, the live balance and the service worker.
import { createApp, watch } from 'vue';
import { store } from './store.js';
import { current, resolve, go } from './router.js';
import { refreshAccount, startLive, stopLive } from './live.js';
import TopBar from './components/TopBar.js';
import TabBar from './components/TabBar.js';
import NetworkBar from './components/NetworkBar.js';
import ErrorBox from './components/ErrorBox.js';

const App = {
  components: { TopBar, TabBar, NetworkBar, ErrorBox },
  setup() {
    // A screen that cannot load is usually an old page after a new release (its files are gone):
    // reloading fetches the new page; when offline, the service worker serves the stored one.
    return { store, current, retry: () => location.reload() };
  },
  template: `
    <div class="shell" :class="{ 'signed-in': store.token }">
      <a class="skip" href="#main" @click.prevent="$refs.main.focus()">Skip to content</a>
      <TopBar v-if="store.token" />
      <NetworkBar />
      <main id="main" ref="main" tabindex="-1" class="screen" :aria-busy="current.loading ? 'true' : 'false'">
        <ErrorBox v-if="current.failed" :message="current.failed" @retry="retry" />
        <div v-else-if="current.loading" class="skeleton-screen" role="status" aria-label="Loading">
          <div class="sk sk-title"></div><div class="sk sk-card"></div><div class="sk sk-row"></div><div class="sk sk-row"></div>
        </div>
        <component v-else-if="current.screen" :is="current.screen" :key="current.path" />
      </main>
      <TabBar v-if="store.token" />
      <div class="toast" role="status" aria-live="polite"><span v-if="store.toast" class="toast-body">{{ store.toast }}</span></div>
    </div>`,
};

watch(() => store.token, (token) => {
  if (token) {
    startLive();
  } else {
    stopLive();
    go('/login');
  }
});

if (store.token) {
  startLive();
  refreshAccount().catch(() => {});
}
createApp(App).mount('#app');
resolve();

if ('serviceWorker' in navigator && window.isSecureContext) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  });
}
