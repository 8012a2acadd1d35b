// Copies a text to the clipboard and says so.
import { toast } from '../store.js';

export default {
  props: { text: { type: String, required: true }, label: { type: String, default: 'Copy' }, what: { type: String, default: 'Text' } },
  setup(props) {
    async function copy() {
      try {
        await navigator.clipboard.writeText(props.text);
        toast(`${props.what} copied`);
      } catch {
        toast('Copy is blocked here; press and hold the text to copy it');
      }
    }
    return { copy };
  },
  template: `<button type="button" class="btn btn-ghost btn-small" @click="copy">{{ label }}</button>`,
};
