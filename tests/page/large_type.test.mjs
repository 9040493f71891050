// The reader's own text size inside the charts: with the browser's text set to 32 px (twice the
// usual), the charts' words are drawn twice as large, the frames grow to hold them, and on a
// 320 px phone no label loses a word or a digit and no words run into one another or out of
// their canvas. Read from what the page draws: every call that writes words on a canvas is
// recorded, with its place, its font and the canvas it falls on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { servedPage, chartStates, CHART_SLUGS } from "./browser.mjs";

const shared = servedPage({ before, after });

/** Records every `fillText`: each canvas's words, with their boxes in backing-store pixels. */
function recordWords() {
  const drawn = new Map();
  window.wordsDrawn = drawn;
  const original = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
    const canvas = this.canvas;
    // A canvas drawn afresh starts its list again (a chart always draws its background first).
    const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 0);
    const width = this.measureText(text).width;
    const left = { start: x, left: x, center: x - width / 2, end: x - width, right: x - width }[this.textAlign] ?? x;
    const top = { top: y, middle: y - px / 2, bottom: y - px }[this.textBaseline] ?? y - px;
    const t = this.getTransform();
    if (!drawn.has(canvas)) drawn.set(canvas, []);
    drawn.get(canvas).push({ text, px, turned: t.b !== 0, box: [left, top, left + width, top + px] });
    return original.apply(this, arguments);
  };
  const fill = CanvasRenderingContext2D.prototype.fillRect;
  CanvasRenderingContext2D.prototype.fillRect = function (x, y, w, h) {
    if (x === 0 && y === 0 && w >= this.canvas.width && h >= this.canvas.height) drawn.set(this.canvas, []);
    return fill.apply(this, arguments);
  };
}

/** What each chart's canvas last drew: its size, and its words with their boxes. */
function lastDrawn(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure[data-chart]")].map((figure) => {
      const canvas = figure.querySelector("canvas");
      return {
        slug: figure.dataset.chart,
        size: [canvas.width, canvas.height],
        words: window.wordsDrawn.get(canvas) ?? [],
      };
    }),
  );
}

/** Every problem with the words a chart drew: cut, out of the canvas, or across other words. */
function problems({ slug, size: [w, h], words }) {
  const found = [];
  if (words.length === 0) found.push(`${slug}: no words drawn`);
  // Half a pixel of slack for anti-aliasing at the edges.
  const inside = ([l, t, r, b]) => l >= -0.5 && t >= -0.5 && r <= w + 0.5 && b <= h + 0.5;
  words.forEach((a, i) => {
    if (a.text.includes("…")) found.push(`${slug}: “${a.text}” is cut`);
    if (!a.turned && !inside(a.box)) found.push(`${slug}: “${a.text}” leaves the ${w}×${h} canvas (${a.box.map(Math.round)})`);
    for (const b of words.slice(i + 1)) {
      const [l1, t1, r1, b1] = a.box.map((v, k) => v + (k < 2 ? 0.5 : -0.5));
      const [l2, t2, r2, b2] = b.box;
      if (!a.turned && !b.turned && l1 < r2 && l2 < r1 && t1 < b2 && t2 < b1) found.push(`${slug}: “${a.text}” runs into “${b.text}”`);
    }
  });
  return found;
}

for (const [width, font] of [
  [320, 16],
  [320, 32],
  [1280, 32],
]) {
  test(`at ${width} px with the browser's text at ${font} px, no chart cuts a word or runs words into each other`, async () => {
    const context = await shared.browser.newContext({ viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.addInitScript(recordWords);
      await page.goto(shared.server.url);
      await chartStates(page);
      const usual = await page.$$eval(".chart-frame", (frames) => frames.map((f) => f.clientHeight));
      if (font !== 16) {
        // Set while the page is open: the page follows it.
        const cdp = await context.newCDPSession(page);
        await cdp.send("Page.setFontSizes", { fontSizes: { standard: font, fixed: Math.round((font * 13) / 16) } });
        await page.waitForFunction((f) => getComputedStyle(document.documentElement).fontSize === `${f}px`, font);
        // Every chart drawn again in the larger type (its labels at twice 13 px).
        await page.waitForFunction(
          (px) =>
            [...document.querySelectorAll("figure[data-chart] canvas")].every((c) =>
              (window.wordsDrawn.get(c) ?? []).some((w) => w.px >= px),
            ),
          26,
          { timeout: 20_000 },
        );
        await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
        const grown = await page.$$eval(".chart-frame", (frames) => frames.map((f) => f.clientHeight));
        grown.forEach((h, i) => assert.ok(h >= usual[i] * 2 - 1, `${CHART_SLUGS[i]}: frame ${h} px, not twice ${usual[i]}`));
        // On a phone, twice the type in the same width takes more than twice the lines.
        if (width < 400)
          assert.ok(
            await page.$$eval(".chart-frame", (frames) => frames.some((f) => f.style.height !== "")),
            "some frame grew past its own height for its chart's words",
          );
      }
      const charts = await lastDrawn(page);
      assert.equal(charts.length, CHART_SLUGS.length);
      const found = charts.flatMap(problems);
      assert.deepEqual(found, []);
      // Every value stays whole: the table's numbers are all among the canvas's words.
      for (const chart of charts) {
        const said = chart.words.map((w) => w.text).join(" ");
        const values = await page.$$eval(`figure[data-chart="${chart.slug}"] .chart-table tbody td:nth-of-type(1)`, (cells) => cells.map((c) => c.textContent.trim()));
        for (const value of values) {
          const digits = value.match(/\d[\d,.]*/)?.[0];
          if (digits) assert.ok(said.includes(digits), `${chart.slug}: ${digits} is not drawn whole`);
        }
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
