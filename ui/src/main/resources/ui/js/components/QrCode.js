// A QR code drawn on a canvas by qr-creator (a WebJar), loaded only when a code is first shown.
import { ref, onMounted, watch } from 'vue';

export default {
  props: { text: { type: String, required: true }, label: { type: String, required: true }, size: { type: Number, default: 220 } },
  setup(props) {
    const box = ref(null);
    const failed = ref(false);
    async function draw() {
      try {
        const { default: QrCreator } = await import('qr-creator');
        if (!box.value) return;
        box.value.replaceChildren();
        // Dark modules on white, with a quiet zone: what phone cameras read best, even in sunlight.
        QrCreator.render({ text: props.text, radius: 0, ecLevel: 'M', fill: '#05060a', background: '#ffffff', size: props.size }, box.value);
      } catch {
        failed.value = true;
      }
    }
    onMounted(draw);
    watch(() => props.text, draw);
    return { box, failed };
  },
  template: `
    <figure class="qr" role="img" :aria-label="label">
      <div ref="box" class="qr-canvas"></div>
      <figcaption v-if="failed" class="muted">The QR code could not be drawn offline.</figcaption>
    </figure>`,
};
