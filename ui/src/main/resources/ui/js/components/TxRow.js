// One journal row as a player reads it: who, what kind, the memo, when, and the amount in or out.
import { computed } from 'vue';
import { credits, describe, when, fullTime } from '../format.js';

export default {
  props: { tx: { type: Object, required: true }, me: { type: String, required: true } },
  setup(props) {
    const d = computed(() => describe(props.tx, props.me));
    return { d, credits, when, fullTime };
  },
  template: `
    <li class="tx" :class="d.incoming ? 'tx-in' : 'tx-out'">
      <span class="tx-icon" aria-hidden="true">{{ d.icon }}</span>
      <div class="tx-main">
        <div class="tx-who">{{ d.who }}</div>
        <div class="tx-meta"><span class="tx-type">{{ d.label }}</span><template v-if="d.memo"> · <span class="tx-memo">{{ d.memo }}</span></template></div>
      </div>
      <div class="tx-side">
        <div class="tx-amount num"><span class="sr-only">{{ d.incoming ? 'Received' : 'Sent' }} </span>{{ credits(d.incoming ? tx.amount : -tx.amount, { signed: true }) }}</div>
        <time class="tx-when" :datetime="tx.timestamp" :title="fullTime(tx.timestamp)">{{ when(tx.timestamp) }}</time>
      </div>
    </li>`,
};
