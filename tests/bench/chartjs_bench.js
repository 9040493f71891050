// The troop-share and budget charts drawn with Chart.js from the same figures file, at the
// same size, animation off, and a redraw loop that changes the data as the page's controls do.
// The benchmark driver calls window.chartjsBench.
/* global Chart */

const figures = await (await fetch("../../www/data/figures.json")).json();
const byId = new Map(figures.figures.map((f) => [f.id, f]));
const value = (id) => byId.get(id)?.value ?? null;
const label = (id) => byId.get(id)?.label ?? id;
// Each chart's own part, by its kind (the file lists its charts in page order).
const spec = Object.fromEntries(figures.charts.map((c) => [c.kind, c[c.kind]]));

function wrapCanvases(frame) {
  return [...frame.querySelectorAll("canvas")].map((canvas) => {
    const holder = document.createElement("div");
    canvas.replaceWith(holder);
    holder.append(canvas);
    return canvas;
  });
}

function barChart(canvas, labels, data, max) {
  return new Chart(canvas, {
    type: "bar",
    data: { labels, datasets: [{ data, backgroundColor: "#0072b2" }] },
    options: {
      indexAxis: "y",
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: { x: { beginAtZero: true, suggestedMax: max } },
    },
  });
}

// Troop share: the force's shares of the totals, and the armies ranked with the force.
const [shareCanvas, armyCanvas] = wrapCanvases(document.getElementById("troop-share"));
const totals = spec.troop_share.totals;
const armies = spec.troop_share.armies;
function troopData(force) {
  const shares = totals.map((t) => (force / value(t)) * 100);
  const rows = armies.map((a) => [label(a), value(a)]).concat([["Proposed European force", force]]);
  rows.sort((a, b) => b[1] - a[1]);
  return { shares, rows };
}
let troops = troopData(value(spec.troop_share.force));
const shareChart = barChart(shareCanvas, totals.map(label), troops.shares, 4);
const armyChart = barChart(armyCanvas, troops.rows.map((r) => r[0]), troops.rows.map((r) => r[1]));

// Budgets: two panels, converted and reordered as the page's controls do.
const [sumsCanvas, nationalCanvas] = wrapCanvases(document.getElementById("budgets"));
const rate = value(spec.budgets.exchange_rate);
function budgetRows(ids, factor, byName) {
  const rows = ids.map((id) => [label(id), value(id) * factor]);
  rows.sort(byName ? (a, b) => a[0].localeCompare(b[0]) : (a, b) => b[1] - a[1]);
  return rows;
}
let sums = budgetRows(spec.budgets.sums.figures, 1, false);
let national = budgetRows(spec.budgets.national.figures, 1, false);
const sumsChart = barChart(sumsCanvas, sums.map((r) => r[0]), sums.map((r) => r[1]));
const nationalChart = barChart(nationalCanvas, national.map((r) => r[0]), national.map((r) => r[1]));

function setRows(chart, rows) {
  chart.data.labels = rows.map((r) => r[0]);
  chart.data.datasets[0].data = rows.map((r) => r[1]);
}

window.chartjsBench = {
  /** One redraw of the troop-share chart with a new force size; returns its duration in ms. */
  troopShare(force) {
    const t0 = performance.now();
    troops = troopData(force);
    shareChart.data.datasets[0].data = troops.shares;
    setRows(armyChart, troops.rows);
    shareChart.update("none");
    armyChart.update("none");
    return performance.now() - t0;
  },
  /** One redraw of the budget chart in another currency or order; returns its duration in ms. */
  budgets(step) {
    const t0 = performance.now();
    const currency = step % 3;
    const byName = step % 2 === 1;
    sums = budgetRows(spec.budgets.sums.figures, currency === 2 ? rate : 1, byName);
    national = budgetRows(spec.budgets.national.figures, currency === 1 ? 1 / rate : 1, byName);
    setRows(sumsChart, sums);
    setRows(nationalChart, national);
    sumsChart.update("none");
    nationalChart.update("none");
    return performance.now() - t0;
  },
  ready: true,
};
