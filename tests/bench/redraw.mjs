// Measures, in the built page, how long one chart redraw takes while a reader drags the force
// slider (which redraws the scenario and troop-share charts on each animation frame), and
// prints the median and 95th percentile. Run after a build: `node tests/bench/redraw.mjs`.
import { serve } from "../page/serve.mjs";
import { launch } from "../page/browser.mjs";

const SWEEPS = Number(process.env.SWEEPS || 6);

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const server = await serve();
const browser = await launch();
try {
  for (const scale of [1, 2]) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: scale });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => [...document.querySelectorAll("figure[data-chart]:not([data-shapes])")].every((f) => f.dataset.state === "drawn"));
    const slider = page.locator('input[name="force"]');
    await slider.scrollIntoViewIfNeeded();
    await page.evaluate(async () => {
      (await import(new URL("www/pkg/reassurance_force.js", document.baseURI))).recordRedraws(true);
      performance.clearMeasures();
    });
    const box = await slider.boundingBox();
    const y = box.y + box.height / 2;
    const at = (f) => box.x + 8 + f * (box.width - 16);
    const value = await slider.inputValue();
    await page.mouse.move(at((value - 5000) / 145000), y);
    await page.mouse.down();
    for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
      await page.mouse.move(at(sweep % 2 ? 0.05 : 0.95), y, { steps: 60 });
    }
    await page.mouse.up();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const times = (
      await page.evaluate(() =>
        performance.getEntriesByType("measure").filter((e) => e.name.startsWith("chart-redraw ")).map((e) => e.duration),
      )
    ).sort((a, b) => a - b);
    console.log(
      `device pixel ratio ${scale}: ${times.length} chart redraws while dragging; ` +
        `median ${percentile(times, 50).toFixed(2)} ms, 95th percentile ${percentile(times, 95).toFixed(2)} ms, ` +
        `max ${times.at(-1)?.toFixed(2)} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
