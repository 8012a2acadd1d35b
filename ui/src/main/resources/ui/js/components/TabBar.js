// The bottom tab bar, where the thumb is. Tabs come from the router's table; GM-only tabs need a GM.
import { computed } from 'vue';
import { store } from '../store.js';
import { tabs, current } from '../router.js';
import Icon from './Icon.js';

export default {
  components: { Icon },
  setup() {
    const visible = computed(() => tabs.filter((t) => !t.gm || store.user?.is_admin));
    return { visible, current };
  },
  template: `
    <nav class="tabbar" aria-label="Main">
      <a v-for="t in visible" :key="t.id" :href="'#' + t.to" class="tab"
         :class="{ active: current.def?.tab === t.id }" :aria-current="current.def?.tab === t.id ? 'page' : null">
        <Icon :name="t.icon" class="tab-icon" /><span class="tab-label">{{ t.label }}</span>
      </a>
    </nav>`,
};
