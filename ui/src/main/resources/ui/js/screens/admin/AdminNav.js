// The section bar over every GM screen: the sections of sections.js, the current one lit.
import { current } from '../../router.js';
import { sections } from './sections.js';

export default {
  setup() {
    return { sections, current };
  },
  template: `
    <nav class="admin-nav" aria-label="Admin sections">
      <a v-for="s in sections" :key="s.id" :href="'#' + s.path" class="admin-nav-link"
         :aria-current="current.def?.section === s.id ? 'page' : null">{{ s.label }}</a>
    </nav>`,
};
