// Launches the system's Chromium for page tests, headless, with the flags this machine needs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** The figures file, as committed: the page tests count charts and claims from it. */
const FIGURES = JSON.parse(readFileSync(new URL("../../www/data/figures.json", import.meta.url), "utf8"));
/** The charts the figures file declares, by slug, in page order. */
export const CHART_SLUGS = FIGURES.charts.map((c) => c.slug);
/** How many claims the figures file checks. */
export const CLAIM_COUNT = FIGURES.claims.length;

/**
 * The digest the chart program reads, written by the page's build from the committed figures
 * file after `edit` has changed it (the build's own checks run on the edited file).
 */
export function editedDigest(edit) {
  const figures = structuredClone(FIGURES);
  edit(figures);
  const dir = mkdtempSync(join(tmpdir(), "figures-"));
  try {
    const [json, digest] = [join(dir, "figures.json"), join(dir, "figures.bin")];
    writeFileSync(json, JSON.stringify(figures));
    const root = new URL("../..", import.meta.url).pathname;
    execFileSync("cargo", ["run", "--locked", "--quiet", "--release", "--bin", "static_figures", "--", "--digest", json, digest], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    return readFileSync(digest);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chromium's flags on this machine: no sandbox as root, no network of its own. */
export const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A headless Chromium with a fresh, empty profile; close it with `browser.close()`. */
export async function launch(extra = []) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, ...extra] });
}

/**
 * Opens `url` in a new page of the given viewport and records console errors and page errors.
 * Returns { page, errors }.
 */
export async function open(browser, url, { width = 1280, height = 900, deviceScaleFactor = 1, colorScheme = "light", forcedColors = "none", locale = "en-US" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, colorScheme, forcedColors, locale });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: "load" });
  return { page, errors, context };
}

/** Waits until the static chart of the figure `chart` is loaded and visible (it may be fetched
 *  lazily, after the load event). */
export async function staticChartShown(page, chart, timeout = 15_000) {
  await page.waitForFunction((name) => {
    const img = document.querySelector(`figure[data-chart="${name}"] .chart-fallback`);
    return img.complete && img.naturalWidth > 0 && getComputedStyle(img).visibility === "visible" && img.offsetHeight > 0;
  }, chart, { timeout });
}

/** Waits until every chart figure has settled (drawn or failed) and returns their states. A map
 *  waits for its shapes, which come only once it nears the screen: each map not yet settled is
 *  brought just below the screen once the other charts have settled, and the page scrolled back
 *  where it was. */
export async function chartStates(page, timeout = 15_000) {
  const settled = (maps) =>
    page.waitForFunction(
      (maps) => {
        const figures = [...document.querySelectorAll(maps ? "figure[data-chart]" : "figure[data-chart]:not([data-shapes])")];
        // (A page may have maps alone, as a map's embed has.)
        return document.querySelector("figure[data-chart]") !== null && figures.every((f) => f.dataset.state);
      },
      maps,
      { timeout },
    );
  await settled(false);
  await page.evaluate(async () => {
    const back = [scrollX, scrollY];
    for (const map of document.querySelectorAll("figure[data-shapes]:not([data-state])")) {
      // Just below the screen, as a reader comes to it: near enough for its shapes to be
      // fetched, not yet reached (a map reached before it is drawn shows its static image).
      scrollTo(0, map.getBoundingClientRect().top + scrollY - innerHeight * 1.2);
      const start = performance.now();
      while (!map.dataset.state && performance.now() - start < 10_000) await new Promise((r) => setTimeout(r, 20));
    }
    scrollTo(...back);
  });
  await settled(true);
  const states = await page.$$eval("figure[data-chart]", (figures) =>
    Object.fromEntries(figures.map((f) => [f.dataset.chart, f.dataset.state])),
  );
  // A check of "every chart" must have charts to check.
  if (Object.keys(states).length === 0) throw new Error("no chart figure on the page");
  return states;
}

/**
 * The figures' failure notices: how many are shown, and how many of those a screen reader says
 * aloud (in a live region: a `role="status"` line whose `aria-live` is not "off").
 */
export async function failureNotices(page) {
  return page.$$eval("figure[data-chart] [data-status]", (lines) => {
    const shown = lines.filter((l) => l.textContent.trim() !== "");
    const live = (l) => l.closest('[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])') !== null;
    return { shown: shown.length, spoken: shown.filter(live).length };
  });
}

/** Scrolls down the whole page a screen at a time, two frames at each, so that everything left
 * for later (lazy images, parts laid out when near the screen) has its chance to come; calls
 * `atEachScreen`, if given, at each screen. */
export async function scrollThroughPage(page, atEachScreen = null) {
  // One screen a step, the page's height read again at each (it may grow as parts come).
  for (let y = 0; ; ) {
    const more = await page.evaluate(async (to) => {
      if (to >= document.documentElement.scrollHeight) return null;
      scrollTo(0, to);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return innerHeight;
    }, y);
    if (more === null) return;
    if (atEachScreen) await atEachScreen();
    y += more;
  }
}

/** What a canvas shows, to compare: its size and a hash (FNV-1a) of its pixels, read after
 *  `frames` animation frames. */
export async function canvasDigest(page, selector, frames = 0) {
  return page.$eval(
    selector,
    async (canvas, frames) => {
      for (let i = 0; i < frames; i += 1) await new Promise((r) => requestAnimationFrame(r));
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 2166136261;
      for (let i = 0; i < data.length; i += 1) hash = Math.imul(hash ^ data[i], 16777619) >>> 0;
      return `${canvas.width}×${canvas.height} ${hash}`;
    },
    frames,
  );
}

/** How many of a canvas's pixels differ from its most common colour (the background). */
export async function inkedPixels(page, selector) {
  return page.$eval(selector, (canvas) => {
    const { width, height } = canvas;
    if (!width || !height) return 0;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    let background = 0;
    for (const n of counts.values()) background = Math.max(background, n);
    return width * height - background;
  });
}

/**
 * For a test file: starts the page's server and a browser before its tests and stops both after.
 * Returns an object whose `server` and `browser` are set once the tests run.
 */
export function servedPage({ before, after }) {
  const shared = { server: null, browser: null };
  before(async () => {
    const { serve } = await import("./serve.mjs");
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    shared.server?.stop();
  });
  return shared;
}

/** Skips every guess the page asks for, one click each as a reader would (without scrolling to
 *  it), and draws what waits at once: the charts then show their answers. */
export async function skipGuesses(page) {
  const skips = await page.$$("form[data-guess] [data-skip]");
  if (skips.length === 0) throw new Error("the page asks for no guess");
  // The answer takes the keyboard's focus, which may scroll to it: the page is put back.
  const y = await page.evaluate(() => scrollY);
  for (const skip of skips) await skip.evaluate((b) => b.click());
  await page.evaluate((top) => scrollTo(0, top), y);
  await page.waitForFunction(() => [...document.querySelectorAll("form[data-guess]")].every((f) => f.closest("figure").hasAttribute("data-revealed")));
  await page.evaluate(async () => (await import(new URL("www/pkg/reassurance_force.js", document.baseURI))).redrawNow());
}
