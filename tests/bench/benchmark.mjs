// The performance benchmark: this project's wasm charts against Chart.js in the same headless
// Chromium run (redraws alone, and a control step in real frames at 1× and 4× CPU), the bytes a
// reader downloads, the time to every chart drawn (with and without
// 4× CPU throttling), memory over 10,000 redraws, and Lighthouse. Prints its figures; run it
// after a build (.ci/bench does both).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, ROOT } from "../page/serve.mjs";
import { launch, CHROMIUM } from "../page/browser.mjs";
import { dragBudget, rooted } from "./drag.mjs";

const REDRAWS = Number(process.env.REDRAWS || 400);
const LOADS = Number(process.env.LOADS || 9);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (xs) => pct([...xs].sort((a, b) => a - b), 50);
const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: pct(s, 50), p95: pct(s, 95), n: s.length };
};
const ms = (x) => `${x.toFixed(2)} ms`;
const verdicts = [];
const budget = (what, ok) => verdicts.push(`${ok ? "met " : "MISSED"}  ${what}`);

const server = await serve("."); // the project, not site/: the benchmark also serves its peer page and floors
const browser = await launch(["--js-flags=--expose-gc", "--enable-precise-memory-info"]);
try {
  // 1. Redraws while the data changes, ours and Chart.js's, same data and size.
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => [...document.querySelectorAll("figure[data-chart]:not([data-shapes])")].every((f) => f.dataset.state === "drawn"));
  const ours = await page.evaluate(async (n) => {
    const wasm = await import("/www/pkg/reassurance_force.js");
    wasm.recordRedraws(true);
    const force = document.querySelector('input[name="force"]');
    const radio = (name, value) => document.querySelector(`input[name="${name}"][value="${value}"]`);
    const input = (el) => el.dispatchEvent(new Event("input", { bubbles: true }));
    performance.clearMeasures();
    const whole = { troops: [], budgets: [] };
    for (let i = 0; i < n; i += 1) {
      force.value = String(5000 + ((i * 7919) % 146) * 1000);
      const t0 = performance.now();
      input(force);
      wasm.redrawNow();
      whole.troops.push(performance.now() - t0);
    }
    const currencies = ["published", "eur", "usd"];
    for (let i = 0; i < n; i += 1) {
      const c = radio("currency", currencies[i % 3]);
      const o = radio("sort", i % 2 ? "name" : "size");
      c.checked = true;
      o.checked = true;
      const t0 = performance.now();
      input(c);
      input(o);
      wasm.redrawNow();
      whole.budgets.push(performance.now() - t0);
    }
    const measures = (chart) => performance.getEntriesByName(`chart-redraw ${chart}`).map((e) => e.duration);
    const size = (chart) => {
      const c = document.querySelector(`figure[data-chart="${chart}"] canvas`);
      return [c.clientWidth, c.clientHeight];
    };
    return { troops: measures("troop-share"), budgets: measures("budgets"), whole, sizes: { troops: size("troop-share"), budgets: size("budgets") } };
  }, REDRAWS);
  const peer = await context.newPage();
  await peer.goto(`${server.url}tests/bench/chartjs.html`);
  await peer.waitForFunction(() => window.chartjsBench?.ready);
  const theirs = await peer.evaluate((n) => {
    const troops = [];
    const budgets = [];
    for (let i = 0; i < n; i += 1) troops.push(window.chartjsBench.troopShare(5000 + ((i * 7919) % 146) * 1000));
    for (let i = 0; i < n; i += 1) budgets.push(window.chartjsBench.budgets(i));
    const size = (id) => [document.getElementById(id).clientWidth, document.getElementById(id).clientHeight];
    return { troops, budgets, sizes: { troops: size("troop-share"), budgets: size("budgets") } };
  }, REDRAWS);
  console.log(`\n== Redraw while the data changes (${REDRAWS} redraws per chart, one Chromium run)`);
  for (const [name, key] of [["troop-share", "troops"], ["budgets", "budgets"]]) {
    const a = summary(ours[key]);
    const b = summary(theirs[key]);
    const w = summary(ours.whole[key]);
    console.log(
      `${name.padEnd(12)} ours: median ${ms(a.median)}, p95 ${ms(a.p95)} (canvas ${ours.sizes[key].join("×")}) | ` +
        `Chart.js: median ${ms(b.median)}, p95 ${ms(b.p95)} (canvas ${theirs.sizes[key].join("×")}) | ratio ours/Chart.js ${(a.median / b.median).toFixed(2)}`,
    );
    console.log(`${"".padEnd(12)} ours, whole update (event, model, every chart it touches): median ${ms(w.median)}, p95 ${ms(w.p95)}`);
    budget(`${name} redraw median ≤ Chart.js's and < 4 ms (${ms(a.median)} vs ${ms(b.median)})`, a.median <= b.median && a.median < 4);
  }
  await peer.close();

  // 1b. A control step as a reader feels it, in real frames (drag.mjs).
  await dragBudget(browser, server, budget);

  // 2. Bytes.
  const wasm = readFileSync(`${ROOT}www/pkg/reassurance_force_bg.wasm`);
  const glue = readFileSync(`${ROOT}www/pkg/reassurance_force.js`);
  const chartjs = readFileSync(`${ROOT}tests/node_modules/chart.js/dist/chart.umd.min.js`);
  // As sent by the project's server and the nginx snippet: the copies the build packed ahead of
  // time into the deployable folder (gzip's format, by zopfli's search). Beside them, and for the
  // ratio to Chart.js (which the build does not pack), gzip -9 for both. (The timings above and
  // below serve the project's folder, compressed as sent, without the packed copies.)
  const gz = (b) => spawnSync("gzip", ["-9c"], { input: b, maxBuffer: 16 * 1024 * 1024 }).stdout.length;
  const sent = (path) => readFileSync(`${ROOT}site/${path}.gz`).length;
  const [wasmSent, glueSent] = [sent("www/pkg/reassurance_force_bg.wasm"), sent("www/pkg/reassurance_force.js")];
  const asSent = wasmSent + glueSent;
  console.log("\n== Bytes for the charts");
  console.log(`ours: wasm ${kb(wasm.length)} raw, ${kb(wasmSent)} gzip as sent (${kb(gz(wasm))} at gzip -9); glue ${kb(glue.length)} raw, ${kb(glueSent)} as sent (${kb(gz(glue))}); together ${kb(asSent)} as sent (${kb(gz(wasm) + gz(glue))} at gzip -9)`);
  console.log(`Chart.js 4 (chart.umd.min.js): ${kb(chartjs.length)} raw, ${kb(gz(chartjs))} gzip -9; ratio ours/Chart.js at gzip -9 ${((gz(wasm) + gz(glue)) / gz(chartjs)).toFixed(2)}`);
  budget(`wasm + glue ≤ 95 KB gzip (${kb(asSent)} as sent)`, asSent <= 95 * 1024);
  budget(`wasm + glue under the 120 KB ceiling (${kb(asSent)} as sent)`, asSent <= 120 * 1024);
  const weigh = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const weighPage = await weigh.newPage();
  // Bytes on the wire from the browser; decoded bytes from the files served (the wasm's body is
  // read by its compiler as it streams, so the browser cannot hand it back).
  const weighed = [];
  weighPage.on("requestfinished", (request) => {
    weighed.push(
      request.sizes().then((sizes) => {
        const path = decodeURIComponent(new URL(request.url()).pathname).replace(/\/$/, "/index.html");
        return { path, wire: sizes.responseBodySize + sizes.responseHeadersSize, size: readFileSync(`${ROOT}site/${path.slice(1)}`).length };
      }),
    );
  });
  // The deployable folder, served as a host serves it (the packed copies sent as they are).
  const site = await serve();
  try {
    await weighPage.goto(site.url, { waitUntil: "networkidle" });
  } finally {
    site.stop();
  }
  const files = await Promise.all(weighed);
  const sum = (key) => files.reduce((total, f) => total + f[key], 0);
  const names = files.map((f) => f.path.split("/").pop()).join(", ");
  console.log(`page weight at load: ${kb(sum("wire"))} transferred (gzip), ${kb(sum("size"))} decoded, in ${files.length} files: ${names}`);
  await weigh.close();

  // 3. Time from navigation to every chart drawn, beside the floor: a page of one paragraph,
  // no script, served the same way, painted for the first time.
  console.log("\n== Navigation to every chart drawn (median of " + LOADS + " loads)");
  // A fresh page at `rate`× CPU throttling, given to `visit` with its DevTools session; values
  // are read over that session (see below why not through Playwright).
  const throttled = async (rate, options, visit) => {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 }, ...options });
    try {
      const p = await ctx.newPage();
      const cdp = await ctx.newCDPSession(p);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      const evaluate = async (expression) => (await cdp.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true })).result.value;
      return await visit(p, evaluate);
    } finally {
      await ctx.close();
    }
  };
  // The floors on the article itself: the built page with its loader replaced by a stand-in
  // that marks every figure drawn without drawing (tests/bench/floor_loader.js), once the
  // article is parsed, and once the chart program has also been loaded.
  const floorPage = (mode) => {
    const page = readFileSync(join(ROOT, "index.html"), "utf8");
    const standIn = `<script src="/tests/bench/floor_loader.js" data-mode="${mode}"></script>`;
    const replaced = rooted(page.replace(/<!-- loader:start -->[\s\S]*?<!-- loader:end -->/, standIn));
    if (!replaced.includes(standIn)) throw new Error("the page's loader markers are missing");
    const dir = join(ROOT, "tests", "output", "bench");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `floor-${mode}.html`), replaced);
    return `tests/output/bench/floor-${mode}.html`;
  };
  const floorParsed = floorPage("parsed");
  const floorProgram = floorPage("program");
  const load = (rate, path, until = "drawn") =>
    throttled(rate, {}, async (p, evaluate) => {
      // The page records when each figure is marked drawn (no layout query while it loads) and
      // resolves a promise when all are. The result is read over the DevTools protocol: waiting
      // through Playwright would inject its helper script into the page in the middle of the
      // drawing (about 30 ms of main-thread work at 4×), and that would be counted.
      await p.addInitScript(() => {
        const times = new Map();
        window.__drawn = new Promise((resolve) => {
          const check = () => {
            const figures = [...document.querySelectorAll("figure[data-chart]:not([data-shapes])")];
            const now = performance.now();
            for (const f of figures) if (f.dataset.state === "drawn" && !times.has(f)) times.set(f, now);
            if (!figures.length || !figures.every((f) => times.has(f))) return;
            const inView = figures.filter((f) => f.getBoundingClientRect().top < window.innerHeight);
            // No chart may stand in the first screen (the article's opening fills it).
            resolve({ all: Math.max(...times.values()), inView: inView.length ? Math.max(...inView.map((f) => times.get(f))) : null });
          };
          new MutationObserver(check).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-state"] });
        });
        window.__painted = new Promise((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({ type: "paint", buffered: true });
        });
      });
      // Asked right after the navigation commits, perhaps before the new page has the promise.
      const read = (name) => evaluate(`(async () => { while (!window.${name}) await new Promise((r) => setTimeout(r, 20)); return window.${name}; })()`);
      await p.goto(`${server.url}${path}`, { waitUntil: "commit" });
      return until === "paint" ? { paint: await read("__painted") } : await read("__drawn");
    });
  // The same article as a reader without JavaScript gets it: every static chart (an SVG image)
  // loaded, read at the load event (with scripts off, the page cannot time its own paints).
  let staticCharts = 0;
  const withoutScript = (rate) =>
    throttled(rate, { javaScriptEnabled: false }, async (p, evaluate) => {
      await p.goto(server.url, { waitUntil: "load" });
      // Every figure's static chart, the maps' among them, counted from the page itself.
      const { load, shown, charts } = await evaluate("({ load: performance.getEntriesByType('navigation')[0].loadEventStart, shown: [...document.querySelectorAll('figure[data-chart] img')].filter((i) => i.complete && i.naturalWidth > 0).length, charts: document.querySelectorAll('figure[data-chart]').length })");
      if (!charts || shown !== charts) throw new Error(`without JavaScript ${shown} of ${charts} static charts loaded`);
      staticCharts = charts;
      return load;
    });
  for (const rate of [1, 4]) {
    const runs = [];
    const floor = [];
    const statics = [];
    const parsedFloor = [];
    const programFloor = [];
    for (let i = 0; i < LOADS; i += 1) {
      runs.push(await load(rate, ""));
      floor.push((await load(rate, "tests/bench/blank.html", "paint")).paint);
      statics.push(await withoutScript(rate));
      parsedFloor.push((await load(rate, floorParsed)).all);
      programFloor.push((await load(rate, floorProgram)).all);
    }
    const all = runs.map((r) => r.all);
    const t = median(all);
    const runsOf = (xs) => `(runs: ${xs.map((x) => x.toFixed(0)).join(", ")} ms)`;
    const first = runs.map((r) => r.inView).filter((x) => x !== null);
    const firstScreen = first.length ? `charts in the first screen drawn ${ms(median(first))}` : "no chart in the first screen";
    console.log(`CPU ${rate}×: every chart drawn ${ms(t)} ${runsOf(all)}; ${firstScreen}`);
    console.log(`${"".padEnd(9)}the article without JavaScript, its ${staticCharts} static charts loaded (the maps' too; the charts drawn above are those of bars, the maps being drawn once their shapes arrive as they come near): ${ms(median(statics))} ${runsOf(statics)}`);
    console.log(`${"".padEnd(9)}floor, a page of one paragraph and no script, first paint: ${ms(median(floor))} ${runsOf(floor)}`);
    console.log(`${"".padEnd(9)}the same article, every figure marked drawn and none drawn: once it is parsed ${ms(median(parsedFloor))} ${runsOf(parsedFloor)}`);
    console.log(`${"".padEnd(9)}  and once the chart program is also fetched, compiled and instantiated ${ms(median(programFloor))} ${runsOf(programFloor)}`);
    console.log(`${"".padEnd(9)}so the page adds ${ms(t - median(programFloor))} to the second: the charts' own work (figures read, charts made live and drawn), and the program asked for only once the article is on screen`);
    if (rate === 4) budget(`every chart drawn at 4× no later than the page without JavaScript shows its static charts (median ${ms(t)} vs ${ms(median(statics))}, ratio ${(t / median(statics)).toFixed(2)})`, t <= median(statics));
    if (rate === 4) budget(`every chart drawn within 500 ms at 4× CPU throttling (${ms(t)}; the article with no chart drawn reaches that mark at ${ms(median(parsedFloor))}, with the chart program loaded at ${ms(median(programFloor))}; without JavaScript the static charts load at ${ms(median(statics))}, the one-paragraph page paints at ${ms(median(floor))})`, t <= 500);
  }

  // 4. Memory over 10,000 redraws.
  console.log("\n== Memory over 10,000 slider redraws");
  const mem = await page.evaluate(async () => {
    const wasm = await import("/www/pkg/reassurance_force.js");
    const exports = await wasm.default();
    const force = document.querySelector('input[name="force"]');
    const step = (i) => {
      force.value = String(5000 + ((i * 7919) % 146) * 1000);
      force.dispatchEvent(new Event("input", { bubbles: true }));
      wasm.redrawNow();
    };
    // The wasm's memory, whatever its export is named (the build shortens the names).
    const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    const sample = () => {
      window.gc();
      return { wasm: memory.buffer.byteLength, heap: performance.memory.usedJSHeapSize };
    };
    for (let i = 0; i < 100; i += 1) step(i);
    const after100 = sample();
    for (let i = 100; i < 10_100; i += 1) step(i);
    const after10k = sample();
    return { after100, after10k };
  });
  console.log(`wasm memory: ${kb(mem.after100.wasm)} after 100, ${kb(mem.after10k.wasm)} after 10,100`);
  console.log(`JS heap: ${kb(mem.after100.heap)} after 100, ${kb(mem.after10k.heap)} after 10,100`);
  const heapOk = mem.after10k.heap <= mem.after100.heap * 1.1 + 512 * 1024;
  budget(`no growth over 10,000 redraws (wasm equal; JS heap within 10% + 512 KB)`, mem.after10k.wasm === mem.after100.wasm && heapOk);
  await context.close();

  // 5. Lighthouse 12.
  console.log("\n== Lighthouse");
  const lighthouse = fileURLToPath(new URL("../node_modules/lighthouse/cli/index.js", import.meta.url));
  const flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";
  const run = spawnSync(process.execPath, [lighthouse, server.url, "--output=json", "--output-path=stdout", "--quiet", `--chrome-flags=${flags}`], {
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    const report = JSON.parse(run.stdout);
    const scores = Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
    const a = report.audits;
    console.log(`scores: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores["best-practices"]}, SEO ${scores.seo}`);
    console.log(`LCP ${a["largest-contentful-paint"].displayValue}, CLS ${a["cumulative-layout-shift"].displayValue}, total blocking time ${a["total-blocking-time"].displayValue}`);
    const below = Object.entries(scores).filter(([, s]) => s < 100);
    for (const [k] of below) {
      const failing = Object.values(a).filter((x) => x.score !== null && x.score < 1 && report.categories[k].auditRefs.some((r) => r.id === x.id && r.weight > 0));
      console.log(`  ${k}: ${failing.map((x) => `${x.id} (${x.displayValue || x.score})`).join("; ")}`);
    }
    budget(`Lighthouse 100 in all four categories and CLS 0`, below.length === 0 && a["cumulative-layout-shift"].numericValue === 0);
  } catch (error) {
    console.log(`Lighthouse did not run: ${error.message}\n${run.stderr.slice(-2000)}`);
    budget("Lighthouse ran", false);
  }

  console.log("\n== Budget");
  for (const line of verdicts) console.log(line);
} finally {
  await browser.close();
  server.stop();
}
