// One journal row as a GM reads it: from whom to whom, what kind, the memo, when, and the amount;
// its reversal link either way, and "Reverse" on a row not yet reversed.
import { computed } from 'vue';
import { credits, when, fullTime, TX_TYPES, GAME_TITLES } from '../../format.js';
import Reverse from './Reverse.js';

export default {
  components: { Reverse },
  props: { tx: { type: Object, required: true } },
  emits: ['reversed'],
  setup(props) {
    const kind = computed(() => TX_TYPES[props.tx.type] ?? { label: props.tx.type, icon: '•' });
    const memo = computed(() => GAME_TITLES[props.tx.memo] ?? props.tx.memo);
    return { kind, memo, credits, when, fullTime };
  },
  template: `
    <li class="tx feed-row">
      <span class="tx-icon" aria-hidden="true">{{ kind.icon }}</span>
      <div class="tx-main">
        <div class="tx-who">{{ tx.from_name }} <span aria-hidden="true">→</span><span class="sr-only">to</span> {{ tx.to_name }}</div>
        <div class="tx-meta"><span class="tx-type">{{ kind.label }}</span><template v-if="memo"> · <span class="tx-memo">{{ memo }}</span></template> · <span class="num">#{{ tx.id }}</span></div>
        <div v-if="tx.reversed_by != null" class="tx-reversal small">↩ Reversed by #{{ tx.reversed_by }}</div>
        <div v-else-if="tx.reversal_of != null" class="tx-reversal small">↩ Reverses #{{ tx.reversal_of }}</div>
        <Reverse v-if="tx.reversed_by == null && tx.reversal_of == null" :tx="tx" @done="$emit('reversed', $event)" />
      </div>
      <div class="tx-side">
        <div class="tx-amount num">{{ credits(tx.amount) }}</div>
        <time class="tx-when" :datetime="tx.timestamp" :title="fullTime(tx.timestamp)">{{ when(tx.timestamp) }}</time>
      </div>
    </li>`,
};
