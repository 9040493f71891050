// The reader's own text size inside the charts: with the browser's text set larger (24 px, 32 px:
// up to twice the usual), the charts' words are drawn at that size and fit the frames the style
// sheet gives them, so that nothing moves as the page loads; larger still, a frame grows for its
// chart; and on a 320 px phone no label loses a word or a digit and no words run into one
// another or out of their canvas. Read from what the page draws: every call that writes words
// on a canvas is recorded, with its place, its font and the canvas it falls on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { servedPage, chartStates, CHART_SLUGS, skipGuesses } from "./browser.mjs";

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

/** A new page at `width` with the browser's text at `font` px, recording what the canvases draw
 * and every shift of the page's layout (`window.shifted`). */
async function opened(width, font) {
  const context = await shared.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(recordWords);
  await page.addInitScript(() => {
    window.shifted = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.shifted += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  if (font !== 16) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: font, fixed: Math.round((font * 13) / 16) } });
  }
  await page.goto(shared.server.url);
  await chartStates(page);
  return { page, context, errors };
}

/** Every problem of every chart the page drew, and every value of its tables drawn whole. */
async function checkWords(page) {
  const charts = await lastDrawn(page);
  assert.equal(charts.length, CHART_SLUGS.length);
  assert.deepEqual(charts.flatMap(problems), []);
  // A chart that waits for the reader's guess draws the guess, not the answer its table gives.
  const guessing = await page.$$eval("figure:not([data-revealed]) form[data-guess]", (forms) => forms.map((f) => f.closest("figure").dataset.chart));
  for (const chart of charts.filter((c) => !guessing.includes(c.slug))) {
    const said = chart.words.map((w) => w.text).join(" ");
    const values = await page.$$eval(`figure[data-chart="${chart.slug}"] .chart-table tbody td:nth-of-type(1)`, (cells) => cells.map((c) => c.textContent.trim()));
    for (const value of values) {
      const digits = value.match(/\d[\d,.]*/)?.[0];
      // As a number of its own: "4" is not drawn by a chart that draws "1.4" or "40".
      const whole = digits && new RegExp(`(^|[^\\d.,])${digits.replace(/[.]/g, "\\.")}($|[^\\d,.]|[.,](?!\\d))`);
      if (digits) assert.ok(whole.test(said), `${chart.slug}: ${digits} is not drawn whole`);
    }
  }
}

for (const [width, font] of [
  [320, 16],
  [320, 24],
  [320, 32],
  [375, 32],
  [1280, 32],
]) {
  test(`at ${width} px with the browser's text at ${font} px, every chart fits its frame as the page loads, and no word is cut or runs into another`, async () => {
    const { page, context, errors } = await opened(width, font);
    try {
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), `${font}px`);
      // Every canvas drawn in the reader's type (a label's 13 px at the reader's size).
      const label = Math.round((13 * font) / 16);
      assert.ok(
        await page.evaluate((px) => [...document.querySelectorAll("figure[data-chart] canvas")].every((c) => (window.wordsDrawn.get(c) ?? []).some((w) => Math.round(w.px) >= px)), label),
        `some chart's words are not at the reader's size (${label} px labels)`,
      );
      // The style sheet's heights hold the charts at this text size: no frame grew, nothing
      // moved as the charts were drawn.
      assert.deepEqual(await page.$$eval(".chart-frame", (frames) => frames.filter((f) => f.style.height !== "").map((f) => f.closest("figure").dataset.chart)), []);
      assert.equal(await page.evaluate(() => window.shifted), 0, "the page's layout shifted");
      await checkWords(page);
      // Its guesses skipped, every chart shows its answers, in the frames it had.
      await skipGuesses(page);
      await checkWords(page);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test("with the browser's text set larger while the page is open (40 px on a 320 px phone), the charts follow: their frames grow where they need, and no word is cut or runs into another", async () => {
  const { page, context, errors } = await opened(320, 16);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: 40, fixed: 33 } });
    await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === "40px");
    await page.waitForFunction(
      (px) => [...document.querySelectorAll("figure[data-chart] canvas")].every((c) => (window.wordsDrawn.get(c) ?? []).some((w) => w.px >= px)),
      32,
      { timeout: 20_000 },
    );
    // Drawn again at the grown frames' sizes, then settled.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    assert.ok(await page.$$eval(".chart-frame", (frames) => frames.some((f) => f.style.height !== "")), "past twice the usual text, some frame grew for its chart's words");
    await checkWords(page);
    await skipGuesses(page);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    await checkWords(page);
    // Back to the usual size: every frame has its own height again.
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: 16, fixed: 13 } });
    await page.waitForFunction(() => [...document.querySelectorAll(".chart-frame")].every((f) => f.style.height === ""), null, { timeout: 20_000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
