// One journal row as a player reads it: who, what kind, the memo, when, and the amount in or out.
import { computed } from 'vue';
import { credits, describe, when, fullTime } from '../format.js';

export default {
  props: { tx: { type: Object, required: true }, me: { type: String, required: true } },
  setup(props) {
    const d = computed(() => describe(props.tx, props.me));
    // The linked row may be further down the list (or not loaded yet): show it when it is there.
    const show = (id) => document.getElementById(`tx-${id}`)?.scrollIntoView({ block: 'center' });
    return { d, credits, when, fullTime, show };
  },
  template: `
    <li class="tx" :id="'tx-' + tx.id" :class="[d.incoming ? 'tx-in' : 'tx-out', { 'tx-reversed': d.reversed }]">
      <span class="tx-icon" aria-hidden="true">{{ d.icon }}</span>
      <div class="tx-main">
        <div class="tx-who">{{ d.who }}</div>
        <div class="tx-meta"><span class="tx-type">{{ d.label }}</span><template v-if="d.memo"> · <span class="tx-memo">{{ d.memo }}</span></template></div>
        <button v-if="d.link" type="button" class="tx-link" @click="show(d.link.id)">↩ {{ d.link.text }}</button>
      </div>
      <div class="tx-side">
        <div class="tx-amount num"><span class="sr-only">{{ d.incoming ? 'Received' : 'Sent' }} </span>{{ credits(d.incoming ? tx.amount : -tx.amount, { signed: true }) }}</div>
        <time class="tx-when" :datetime="tx.timestamp" :title="fullTime(tx.timestamp)">{{ when(tx.timestamp) }}</time>
      </div>
    </li>`,
};
