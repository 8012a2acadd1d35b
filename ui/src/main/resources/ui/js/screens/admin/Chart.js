// A time chart drawn by uPlot (a WebJar, loaded with the first chart): canvas, fast with
// thousands of points, themed here. The figure's label says in words what the lines show now.
import { ref, onMounted, onBeforeUnmount, watch } from 'vue';

let loading = null;
/** uPlot's minified build and stylesheet, once per page (the import map says where they are). */
function loadUplot() {
  loading ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = import.meta.resolve('uplot/uPlot.min.css');
    document.head.append(css);
    const script = document.createElement('script');
    script.src = import.meta.resolve('uplot/uPlot.iife.min.js');
    script.onload = () => resolve(window.uPlot);
    script.onerror = () => { loading = null; reject(new Error('The chart library could not load.')); };
    document.head.append(script);
  });
  return loading;
}

const THEME = { text: '#a7b2cc', grid: 'rgba(58, 74, 120, 0.45)', colours: ['#22e4ff', '#ff4fd8', '#ffe14d', '#4dffb0'] };

export default {
  props: {
    /** [[x…], [y1…], [y2…]] with x in epoch seconds. */
    data: { type: Array, required: true },
    /** [{ label, format(v) }] for each y column. */
    lines: { type: Array, required: true },
    label: { type: String, required: true },
    height: { type: Number, default: 200 },
  },
  setup(props) {
    const box = ref(null);
    const failed = ref(null);
    let plot = null;
    let observer = null;

    function options(width) {
      return {
        width, height: props.height,
        legend: { live: true },
        cursor: { points: { size: 6 } },
        scales: { x: { time: true } },
        axes: [
          { stroke: THEME.text, grid: { stroke: THEME.grid, width: 1 }, ticks: { stroke: THEME.grid } },
          { stroke: THEME.text, grid: { stroke: THEME.grid, width: 1 }, ticks: { stroke: THEME.grid }, size: 64,
            values: (u, vals) => vals.map((v) => compact(v)) },
        ],
        series: [{ label: 'Time' }, ...props.lines.map((l, i) => ({
          label: l.label, stroke: THEME.colours[i % THEME.colours.length], width: 2,
          fill: i === 0 ? 'rgba(34, 228, 255, 0.08)' : undefined,
          value: (u, v) => (v == null ? '—' : l.format ? l.format(v) : String(v)),
          points: { show: false },
        }))],
      };
    }
    async function draw() {
      try {
        const UPlot = await loadUplot();
        if (!box.value) return;
        plot?.destroy();
        plot = new UPlot(options(Math.max(200, box.value.clientWidth)), props.data, box.value);
      } catch (e) {
        failed.value = e.message;
      }
    }
    onMounted(() => {
      draw();
      observer = new ResizeObserver(() => { if (plot && box.value) plot.setSize({ width: Math.max(200, box.value.clientWidth), height: props.height }); });
      observer.observe(box.value);
    });
    watch(() => props.data, () => (plot ? plot.setData(props.data) : draw()));
    onBeforeUnmount(() => { observer?.disconnect(); plot?.destroy(); });
    return { box, failed };
  },
  template: `
    <figure class="chart-figure" role="img" :aria-label="label">
      <div ref="box" class="chart"></div>
      <figcaption v-if="failed" class="form-error">{{ failed }}</figcaption>
    </figure>`,
};

/** 1234567 → "1.2M": axis labels that fit a phone. */
export function compact(v) {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(0)}k`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
