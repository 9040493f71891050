// The drag budget: control steps in real frames, the page's against a Chart.js chart of the same
// size updated in the same page and run (peer_in_page.js), at 1× and 4× CPU. The peer is moved
// by a control of the same kind as the page's (a slider, radios), as a reader would move it; its
// bare update, with no control moved, is printed beside. Prints the median and 95th percentile
// of each and their ratio, and says whether each budget is met.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../page/serve.mjs";

const STEPS = Number(process.env.DRAG_STEPS || 300);
/** How many rounds the steps of ours, the peer's and the bare peer's are taken in, in turn. */
const ROUNDS = 6;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: pct(s, 50), p95: pct(s, 95) };
};
const ms = (x) => `${x.toFixed(2)} ms`;
/**
 * Whether `a` is no longer than `b` at the clock's resolution: the page's clock is coarsened to
 * a tenth of a millisecond, so two times that round alike count as equal.
 */
const noLonger = (a, b) => Math.round(a * 10) <= Math.round(b * 10);

/**
 * The article's page with its own addresses made absolute, to be served from another folder
 * (the page's policy refuses a <base>).
 */
export function rooted(page) {
  const out = page.replace(/\b(href|src|srcset)="www\//g, '$1="/www/').replace('data-root=""', 'data-root="/"');
  if (out === page) throw new Error("the page's addresses were not found");
  return out;
}

/** The built article with the peer's scripts added, written beside the other bench pages. */
function peerPage() {
  const page = rooted(readFileSync(join(ROOT, "index.html"), "utf8"));
  const scripts =
    '<script src="/tests/node_modules/chart.js/dist/chart.umd.min.js"></script>\n' +
    '    <script type="module" src="/tests/bench/peer_in_page.js"></script>';
  const withPeer = page.replace("<head>", `<head>\n    ${scripts}`);
  if (!withPeer.includes(scripts)) throw new Error("the page has no <head>");
  const dir = join(ROOT, "tests", "output", "bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "peer.html"), withPeer);
  return "tests/output/bench/peer.html";
}

/**
 * Measures and prints the drag budget; `budget(what, ok)` records each verdict. `browser` is a
 * Playwright Chromium, `server` serves the project root.
 */
export async function dragBudget(browser, server, budget) {
  const path = peerPage();
  console.log(`\n== A control step in real frames (${STEPS} steps each, one per frame; the page's against a Chart.js chart of the same size in the same page)`);
  for (const rate of [1, 4]) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      await page.waitForFunction(() => window.dragBench?.ready && [...document.querySelectorAll("figure[data-chart]:not([data-shapes])")].every((f) => f.dataset.state === "drawn"));
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      // The map that follows the scenario is measured on its own: the slider moved while the
      // map fills the screen (its shapes fetched as it came near, as a reader meets it).
      for (const [control, slug, scrollTo] of [
        ["slider", "force-scenario", 'input[name="force"]'],
        ["budgets", "budgets", 'input[name="currency"]'],
        ["slider", "who-sends", 'figure[data-chart="who-sends"]'],
      ]) {
        const size = await page.evaluate(([s, to]) => {
          document.querySelector(to).scrollIntoView({ block: "start" });
          return window.dragBench.place(s);
        }, [slug, scrollTo]);
        await page.waitForFunction((s) => document.querySelector(`figure[data-chart="${s}"]`).dataset.state === "drawn", slug);
        const label = slug === "who-sends" ? "map" : control;
        // The peer moved by a control of the same kind (the budget's peer), and bare.
        const peerStep = control === "slider" ? "peerSlider" : "peerBudgets";
        await page.evaluate(([c]) => window.dragBench[c](20), [control]); // warm up
        await page.evaluate(([p]) => window.dragBench[p](20), [peerStep]);
        await page.evaluate(() => window.dragBench.peer(20));
        const ours = [];
        const peer = [];
        const bare = [];
        // Interleaved rounds, so that a change in the machine's speed falls on all alike (two
        // halves left the ratios moving by a tenth from run to run).
        const round = Math.max(1, Math.round(STEPS / ROUNDS));
        for (let r = 0; r < ROUNDS; r += 1) {
          ours.push(...(await page.evaluate(([c, n]) => window.dragBench[c](n), [control, round])));
          peer.push(...(await page.evaluate(([p, n]) => window.dragBench[p](n), [peerStep, round])));
          bare.push(...(await page.evaluate((n) => window.dragBench.peer(n), round)));
        }
        const a = stats(ours);
        const b = stats(peer);
        const c = stats(bare);
        console.log(
          `CPU ${rate}×, ${label.padEnd(7)} ours: median ${ms(a.median)}, p95 ${ms(a.p95)} | Chart.js (${size.join("×")}, 12 bars) moved by its own ${control === "slider" ? "slider" : "radios"}: median ${ms(b.median)}, p95 ${ms(b.p95)} | ratio ours/Chart.js ${(a.median / b.median).toFixed(2)} (p95 ${(a.p95 / b.p95).toFixed(2)})`,
        );
        console.log(
          `${"".padEnd(16)} Chart.js updated with no control moved: median ${ms(c.median)}, p95 ${ms(c.p95)} | ratio ours/that ${(a.median / c.median).toFixed(2)} (p95 ${(a.p95 / c.p95).toFixed(2)})`,
        );
        budget(`${label} step at ${rate}× no longer than Chart.js's update moved by the same kind of control (median ${ms(a.median)} vs ${ms(b.median)})`, noLonger(a.median, b.median));
        if (rate === 4) budget(`${label} step at 4× within 16 ms (median ${ms(a.median)}, p95 ${ms(a.p95)})`, noLonger(a.median, 16) && noLonger(a.p95, 16));
      }
      // The floor under all of them: a frame in which only the number beside the slider changes.
      const floor = stats(await page.evaluate((n) => window.dragBench.floor(n), STEPS / 2));
      console.log(`CPU ${rate}×, floor   the number beside the slider rewritten, nothing drawn: median ${ms(floor.median)}, p95 ${ms(floor.p95)}`);
    } finally {
      await context.close();
    }
  }
}
