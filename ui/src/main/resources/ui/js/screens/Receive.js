// Receive: a QR code (a pay link) for the player's account, optionally asking a fixed amount and memo.
// Another phone's camera opens it straight into a prefilled, confirmable send.
import { reactive, computed } from 'vue';
import { store } from '../store.js';
import { credits, parseAmount } from '../format.js';
import { payLink } from '../paylink.js';
import QrCode from '../components/QrCode.js';
import CopyButton from '../components/CopyButton.js';
import Icon from '../components/Icon.js';

export default {
  components: { QrCode, CopyButton, Icon },
  setup() {
    const form = reactive({ amount: '', memo: '' });
    const amount = computed(() => parseAmount(form.amount));
    const amountError = computed(() => (form.amount !== '' && amount.value == null ? 'Enter an amount like 25 or 12.50, or leave it empty.' : null));
    const link = computed(() => payLink({ to: store.user?.account_number ?? '', amount: amount.value, memo: form.memo.trim() }));
    return { store, form, amount, amountError, link, credits };
  },
  template: `
    <section class="receive">
      <div class="screen-head">
        <a class="back" href="#/bank" aria-label="Back to bank"><Icon name="back" /></a>
        <h1>Receive</h1>
      </div>
      <div class="card receive-card">
        <template v-if="store.user">
          <QrCode :text="link" :label="'QR code to pay ' + store.user.account_number" :size="240" />
          <p class="receive-to"><strong>{{ store.user.character_name }}</strong></p>
          <p class="num account">{{ store.user.account_number }}</p>
          <p class="receive-ask num" aria-live="polite">{{ amount ? 'Asks for ' + credits(amount) : 'Any amount' }}<template v-if="form.memo.trim()"> · “{{ form.memo.trim() }}”</template></p>
          <code class="pay-link">{{ link }}</code>
          <div class="link-row"><CopyButton :text="link" what="Pay link" label="Copy link" /></div>
          <p class="muted small">Selling something? <a href="#/request">Make a payment request</a>: a fixed amount, and you see when it is paid.</p>
        </template>
        <div v-else class="sk sk-qr"></div>
      </div>
      <form class="card form" novalidate @submit.prevent>
        <div class="field">
          <label class="label" for="recv-amount">Amount</label>
          <div class="amount-input"><span class="currency" aria-hidden="true">₡</span>
            <input id="recv-amount" v-model="form.amount" class="num" inputmode="decimal" autocomplete="off" placeholder="Optional" aria-describedby="recv-amount-hint"></div>
          <span id="recv-amount-hint" :class="amountError ? 'field-error' : 'hint'">{{ amountError ?? 'Leave empty to let the payer choose.' }}</span>
        </div>
        <div class="field">
          <label class="label" for="recv-memo">Memo</label>
          <input id="recv-memo" v-model="form.memo" maxlength="140" autocomplete="off" placeholder="e.g. Noodle bowl (optional)">
        </div>
      </form>
    </section>`,
};
