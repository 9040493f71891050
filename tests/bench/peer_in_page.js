// The drag benchmark's peer, put into a copy of the built article (tests/output/bench/): one
// Chart.js bar chart of twelve bars, animation off, in a frame the size of the chart it is
// compared with, placed right after that chart, and a function that changes its data and
// updates it as Chart.js does for a control. Also the measurement of one control step in real
// frames, the same for the page and for the peer. The peer has controls of its own, a slider and
// three radios, so that a step of the peer costs the browser what moving a control costs it on
// any page (the thumb or the radio redrawn), as a step of the page's own controls does; the bare
// update, with no control moved, is measured too. The benchmark driver calls window.dragBench.
/* global Chart */

const figures = await (await fetch("/www/data/figures.json")).json();
const values = figures.figures.map((f) => f.value).filter((v) => typeof v === "number" && v > 0).slice(0, 12);
const labels = figures.figures.slice(0, 12).map((f) => f.label);
let chart = null;
let frame = null;
let controls = null;

/** Places the peer after the figure `slug`, at the size of that figure's canvas, below its controls. */
function place(slug) {
  const canvas = document.querySelector(`figure[data-chart="${slug}"] canvas`);
  frame?.remove();
  controls?.remove();
  chart?.destroy();
  controls = peerControls();
  canvas.closest("figure").after(controls);
  frame = document.createElement("div");
  frame.className = "bench-peer";
  frame.style.position = "relative";
  frame.style.width = `${canvas.clientWidth}px`;
  frame.style.height = `${canvas.clientHeight}px`;
  const own = document.createElement("canvas");
  frame.append(own);
  controls.after(frame);
  chart = new Chart(own, {
    type: "bar",
    data: { labels, datasets: [{ data: [...values], backgroundColor: "#0072b2" }] },
    options: {
      indexAxis: "y",
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true } },
    },
  });
  return [own.clientWidth, own.clientHeight];
}

/** The peer's controls: a slider and three radios, each updating the peer as it moves. */
function peerControls() {
  const form = document.createElement("form");
  form.className = "bench-peer-controls";
  const slider = document.createElement("input");
  Object.assign(slider, { type: "range", name: "peer-step", min: "0", max: "99", value: "0" });
  slider.setAttribute("aria-label", "peer step");
  form.append(slider);
  for (const value of ["0", "1", "2"]) {
    const radio = document.createElement("input");
    Object.assign(radio, { type: "radio", name: "peer-radio", value });
    radio.setAttribute("aria-label", `peer ${value}`);
    form.append(radio);
  }
  form.addEventListener("input", (event) => update(Number(event.target.value)));
  return form;
}

/** Changes the peer's data for step `i` and updates it. */
function update(i) {
  const k = 0.5 + ((i * 7919) % 100) / 100;
  chart.data.datasets[0].data = values.map((v, j) => v * (j % 2 ? k : 2 - k));
  chart.update();
}

/** A promise of the next animation frame's start time (the time every callback of it is given). */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
/** A promise resolved in a task of its own, as soon as the page is free. */
const task = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });
/** Resolves once every task queued so far with a zero timeout has run. */
const queuedTimeouts = () => new Promise((resolve) => setTimeout(() => resolve(performance.now()), 0));

/**
 * `steps` control steps, one per frame, as a finger moves a slider: each `act(i)` runs in a task
 * of its own just after a frame, and the step is timed as everything the page does for it: that
 * task, and the next frame from its start until the page is free again (its script, style,
 * layout and paint, and any task the page queued for the step). Returns each step's milliseconds.
 */
async function steps(count, act) {
  const times = [];
  for (let i = 0; i < count; i += 1) {
    await nextFrame();
    await task();
    const start = performance.now();
    act(i);
    const handled = performance.now() - start;
    const frameStart = await nextFrame();
    await task(); // after the frame's rendering
    const free = await queuedTimeouts();
    times.push(handled + (free - frameStart));
  }
  return times;
}

const force = document.querySelector('input[name="force"]');
const input = (el) => el.dispatchEvent(new Event("input", { bubbles: true }));
const radio = (name, value) => document.querySelector(`input[name="${name}"][value="${value}"]`);

window.dragBench = {
  ready: true,
  place,
  /** The force slider dragged back and forth over its range, a step at a time. */
  slider: (count) =>
    steps(count, (i) => {
      const min = Number(force.min);
      const max = Number(force.max);
      const stepSize = Number(force.step) || 1000;
      const span = Math.round((max - min) / stepSize);
      const at = i % (2 * span) < span ? i % span : span - (i % span);
      force.value = String(min + at * stepSize);
      input(force);
    }),
  /** The budgets' currency and order radios changed, one per step. */
  budgets: (count) =>
    steps(count, (i) => {
      // A click on a radio: its input, then its change, as the browser sends them.
      const currency = radio("currency", ["published", "eur", "usd"][i % 3]);
      currency.checked = true;
      input(currency);
      currency.dispatchEvent(new Event("change", { bubbles: true }));
    }),
  /** The peer chart updated, one update per step, with no control moved. */
  peer: (count) => steps(count, update),
  /** The peer's slider moved a step at a time, its chart updated by each move. */
  peerSlider: (count) =>
    steps(count, (i) => {
      const slider = controls.querySelector('input[type="range"]');
      slider.value = String(i % 100);
      input(slider);
    }),
  /** The peer's radios changed, one per step, its chart updated by each. */
  peerBudgets: (count) =>
    steps(count, (i) => {
      const radio = controls.querySelector(`input[value="${i % 3}"]`);
      radio.checked = true;
      input(radio);
      radio.dispatchEvent(new Event("change", { bubbles: true }));
    }),
  /**
   * The floor of a slider step on this page: only the number beside the force slider rewritten,
   * as every step of it rewrites it, and nothing drawn. What the browser then does for the page
   * (style, layout, paint, compositing) is in every step of ours and the peer's alike.
   */
  floor: (count) => {
    const said = document.querySelector('output[data-output="force"]');
    const before = said.textContent;
    // Written as the page writes it: its text node's words changed in place.
    const words = said.firstChild?.nodeType === Node.TEXT_NODE ? said.firstChild : said;
    return steps(count, (i) => {
      words.textContent = String(i);
    }).finally(() => {
      said.textContent = before;
    });
  },
};
