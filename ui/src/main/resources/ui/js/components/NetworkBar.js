// A bar across the top when the network is gone or slow: nothing fails silently.
import { store } from '../store.js';
import { when } from '../format.js';

export default {
  setup() {
    return { store, when };
  },
  template: `
    <div class="netbar-slot" role="status" aria-live="polite">
      <div v-if="!store.online" class="netbar offline">
        <strong>Offline.</strong> Payments and spins are paused until the bank answers again<template v-if="store.last?.at">; balance as of {{ when(store.last.at) }}</template>.
      </div>
      <div v-else-if="store.slow" class="netbar slow"><strong>Slow connection.</strong> Still waiting for the bank…</div>
    </div>`,
};
