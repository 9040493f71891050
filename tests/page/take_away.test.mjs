// A chart a reader takes away: the image downloaded from the keyboard is the chart as the reader
// left it, at twice its size, with words round it; "Share" hands the scenario's link to the
// share sheet where the browser has one, and copies it otherwise, saying so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { servedPage, open, chartStates } from "./browser.mjs";

const shared = servedPage({ before, after });
const FIGURE = 'figure[data-chart="force-scenario"]';

/** Moves the force slider with the keyboard until it says `force`, and waits for the page to settle. */
async function setForce(page, force) {
  await page.focus('input[name="force"]');
  for (let i = 0; i < 40 && (await page.inputValue('input[name="force"]')) !== force; i += 1) {
    await page.keyboard.press(Number(await page.inputValue('input[name="force"]')) < Number(force) ? "ArrowRight" : "ArrowLeft");
  }
  assert.equal(await page.inputValue('input[name="force"]'), force);
  await page.waitForURL(new RegExp(`force=${force}`));
}

/** Width and height of a PNG given as a data address, from its header. */
function pngSize(dataUrl) {
  const bytes = Buffer.from(dataUrl.split(",")[1], "base64");
  assert.equal(bytes.subarray(1, 4).toString(), "PNG", "a PNG file");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test("the image of a chart, downloaded from the keyboard, is the reader's scenario at twice the size, with words round it", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    await setForce(page, "40000");
    const frame = await page.$eval(`${FIGURE} .chart-frame`, (f) => [f.clientWidth, f.clientHeight]);
    const button = `${FIGURE} [data-take-away="png"]`;
    assert.ok(await page.isVisible(button), "the button shows once the chart is live");
    await page.focus(button);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    assert.equal(download.suggestedFilename(), "force-scenario.png");
    const url = download.url();
    const [width, height] = pngSize(url);
    // Twice the chart's width on the page, with a narrow margin each side.
    assert.ok(width > frame[0] * 2 && width <= (frame[0] + 32) * 2, `${width} px for a chart ${frame[0]} px wide`);
    assert.ok(height > frame[1] * 2 + 100, `room for the title and the lines under the chart: ${height} px for a chart of ${frame[1] * 2}`);
    await page.waitForFunction((s) => document.querySelector(s).textContent === "Image downloaded.", `${FIGURE} [data-take-away-said]`);
    // Drawn, not blank: the image holds the chart's colours (looked at in a blank page of its
    // own).
    const look = await context.newPage();
    const inked = await look.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [img.width, img.height];
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) coloured += 1;
      return coloured;
    }, url);
    assert.ok(inked > 5000, `coloured pixels: ${inked}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("Share copies the scenario's link where there is no share sheet, and hands it to the share sheet where there is one", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: shared.server.url });
    await chartStates(page);
    await setForce(page, "40000");
    const said = `${FIGURE} [data-take-away-said]`;
    await page.evaluate(() => Object.defineProperty(navigator, "share", { value: undefined, configurable: true }));
    await page.focus(`${FIGURE} [data-take-away="share"]`);
    await page.keyboard.press("Enter");
    await page.waitForFunction((s) => document.querySelector(s).textContent.startsWith("Link copied: "), said);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /\?.*force=40000.*#force-scenario-title$/);
    assert.equal(await page.textContent(said), `Link copied: ${copied}`);
    // A browser with a share sheet is handed the same link, and the page says nothing more.
    await page.evaluate(() => {
      window.sharedWith = [];
      Object.defineProperty(navigator, "share", { value: (data) => (window.sharedWith.push(data), Promise.resolve()), configurable: true });
    });
    await page.keyboard.press("Enter");
    const sheets = await page.evaluate(() => window.sharedWith);
    assert.equal(sheets.length, 1);
    assert.equal(sheets[0].url, copied);
    assert.equal(sheets[0].title, await page.textContent(`${FIGURE} h2`));
    // A share sheet the page may not use (a frame without leave) falls back to the clipboard;
    // a clipboard that refuses leaves the link on show to copy by hand. Nothing is claimed
    // before the browser has answered.
    await page.evaluate(() => {
      Object.defineProperty(navigator, "share", { value: () => Promise.reject(new DOMException("no", "NotAllowedError")), configurable: true });
      Object.defineProperty(navigator.clipboard, "writeText", { value: () => Promise.reject(new DOMException("no", "NotAllowedError")), configurable: true });
    });
    await page.keyboard.press("Enter");
    await page.waitForFunction((s) => document.querySelector(s).textContent.startsWith("Copy this link: "), said);
    assert.equal(await page.textContent(said), `Copy this link: ${copied}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the SVG of a chart, downloaded from the keyboard, is the same drawing, with the reader's scenario in its words", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    await setForce(page, "40000");
    const frame = await page.$eval(`${FIGURE} .chart-frame`, (f) => [f.clientWidth, f.clientHeight]);
    await page.focus(`${FIGURE} [data-take-away="svg"]`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    assert.equal(download.suggestedFilename(), "force-scenario.svg");
    const url = download.url();
    assert.ok(url.startsWith("data:image/svg+xml;charset=utf-8,"), url.slice(0, 60));
    const svg = decodeURIComponent(url.slice(url.indexOf(",") + 1));
    const [, width, height] = svg.match(/^<svg [^>]*width="(\d+)" height="(\d+)"/) ?? [];
    assert.ok(Number(width) > frame[0] && Number(width) <= frame[0] + 32, `${width} px for a chart ${frame[0]} px wide`);
    assert.ok(Number(height) > frame[1] + 50, "room for the words round the chart");
    // The scenario is in the drawing: the force's bar and the link under the chart.
    assert.match(svg, />40,000<\/text>/);
    assert.match(svg, /force=40000#force-scenario-title<\/text>/);
    assert.match(svg, />Figures checked \d+ \w+ \d{4}<\/text>/);
    assert.equal(await page.textContent(`${FIGURE} [data-take-away-said]`), "SVG downloaded.");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
