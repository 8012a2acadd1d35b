// An error shown where it happened: the server's own message and, when it can help, a retry.
export default {
  props: { message: { type: String, required: true }, retryable: { type: Boolean, default: true } },
  emits: ['retry'],
  template: `
    <div class="error-box" role="alert">
      <span class="error-icon" aria-hidden="true">!</span>
      <p class="error-text">{{ message }}</p>
      <button v-if="retryable" type="button" class="btn btn-ghost" @click="$emit('retry')">Retry</button>
    </div>`,
};
