// The camera scanner: the browser's own BarcodeDetector where it has one (Android Chrome), else
// html5-qrcode from its WebJar (iOS Safari), fetched only now so it is never part of the first load.
import { ref, onMounted, onUnmounted } from 'vue';

let libraryLoading = null;
function loadLibrary() {
  libraryLoading ??= new Promise((ok, fail) => {
    const s = document.createElement('script');
    s.src = import.meta.resolve('html5-qrcode');
    s.onload = () => ok(window.Html5Qrcode);
    s.onerror = () => { libraryLoading = null; fail(new Error('The scanner could not load.')); };
    document.head.append(s);
  });
  return libraryLoading;
}

export default {
  emits: ['found', 'close'],
  setup(_, { emit }) {
    const video = ref(null);
    const error = ref(null);
    let stream = null;
    let stop = () => {};
    let done = false;

    function found(text) {
      if (done) return;
      done = true;
      navigator.vibrate?.(50);
      emit('found', text);
    }

    async function native() {
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      video.value.srcObject = stream;
      await video.value.play();
      let frame = 0;
      const look = async () => {
        if (done || !stream) return;
        try {
          const codes = await detector.detect(video.value);
          if (codes.length) return found(codes[0].rawValue);
        } catch { /* a frame that could not be read; try the next */ }
        frame = requestAnimationFrame(look);
      };
      frame = requestAnimationFrame(look);
      stop = () => { cancelAnimationFrame(frame); stream?.getTracks().forEach((t) => t.stop()); stream = null; };
    }

    async function fallback() {
      const Html5Qrcode = await loadLibrary();
      const reader = new Html5Qrcode('qr-reader', { verbose: false });
      // No qrbox: the whole frame is read, and our own aiming frame is the only overlay.
      await reader.start({ facingMode: 'environment' }, { fps: 10, aspectRatio: 1 }, (text) => found(text), () => {});
      stop = () => { reader.stop().catch(() => {}); };
    }

    onMounted(async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        error.value = 'This browser cannot use the camera here. Open the phone camera app and point it at the code instead.';
        return;
      }
      try {
        const hasNative = 'BarcodeDetector' in window
          && (await window.BarcodeDetector.getSupportedFormats?.() ?? []).includes('qr_code');
        await (hasNative ? native() : fallback());
      } catch (e) {
        error.value = e?.name === 'NotAllowedError'
          ? 'Camera access was refused. Allow it in the browser settings, or use the phone camera app.'
          : 'The camera could not start. Use the phone camera app, or type the account number.';
      }
    });
    onUnmounted(() => stop());

    return { video, error };
  },
  template: `
    <div class="scanner" role="dialog" aria-modal="true" aria-label="Scan a QR code">
      <div class="scanner-frame">
        <video ref="video" class="scanner-video" playsinline muted></video>
        <div id="qr-reader" class="scanner-fallback"></div>
        <div class="scanner-target" aria-hidden="true"></div>
      </div>
      <p v-if="error" class="field-error" role="alert">{{ error }}</p>
      <p v-else class="muted">Point the camera at a NeoBank QR code.</p>
      <button type="button" class="btn btn-secondary btn-block" @click="$emit('close')">Close scanner</button>
    </div>`,
};
