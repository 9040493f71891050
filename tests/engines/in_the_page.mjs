// What the cross-engine checks ask of the page, through WebDriver alone (no engine's own
// protocol), so that each is written once and means the same in Chromium, Firefox and WebKit.
export { CHART_SLUGS } from "../page/browser.mjs";

/** Sets the page's viewport (the window's inner size) to `width` × `height` CSS pixels. */
export async function setViewport(driver, width, height = 900) {
  const window = driver.manage().window();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const rect = await window.getRect();
    const [innerWidth, innerHeight] = await driver.executeScript("return [innerWidth, innerHeight]");
    if (innerWidth === width && innerHeight === height) return;
    await window.setRect({ width: rect.width + width - innerWidth, height: rect.height + height - innerHeight });
  }
  const [innerWidth] = await driver.executeScript("return [innerWidth]");
  if (innerWidth !== width) throw new Error(`the window would not be ${width} px wide (it is ${innerWidth})`);
}

/** Waits until `script` (a function body returning a value) returns something truthy; returns it. */
export async function waitFor(driver, script, args = [], what = script, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await driver.executeScript(script, ...args);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Opens `url` and waits until every chart figure has settled (drawn or failed); returns their
 * states as [chart, state] pairs in page order (an object's keys may come back sorted). A map
 * waits for its shapes, which come only as it nears the screen: once the other charts have
 * settled, each map not yet settled is brought just below the screen, and the page is scrolled
 * back where it was.
 */
export async function openSettled(driver, url) {
  // By way of an empty page, so that the figures waited for are the new page's: a WebKit run
  // once found the last page's figures settled, then ran the test in the new one, not yet mounted.
  await driver.get("about:blank");
  await driver.get(url);
  const settled = (selector, what) =>
    waitFor(
      driver,
      `const figures = [...document.querySelectorAll(arguments[0])];
       if (!figures.length || !figures.every((f) => f.dataset.state)) return null;
       return figures.map((f) => [f.dataset.chart, f.dataset.state]);`,
      [selector],
      what,
    );
  await settled("figure[data-chart]:not([data-shapes])", "every chart figure but the maps settled");
  const back = await driver.executeScript("return [scrollX, scrollY]");
  const maps = await driver.executeScript('return [...document.querySelectorAll("figure[data-shapes]:not([data-state])")].map((f) => f.dataset.chart)');
  for (const slug of maps) {
    const selector = `figure[data-chart="${slug}"]`;
    // Just below the screen, as a reader comes to it: its shapes fetched, the map not yet reached.
    await driver.executeScript("scrollTo(0, document.querySelector(arguments[0]).getBoundingClientRect().top + scrollY - innerHeight * 1.2)", selector);
    await settled(selector, `the map ${slug} settled`);
  }
  await driver.executeScript("scrollTo(arguments[0], arguments[1])", ...back);
  return settled("figure[data-chart]", "every chart figure settled");
}

/**
 * A chart's ink: how many of its canvas pixels differ from its most common colour (its
 * background), and how many the next most common colour covers (a solid fill: bars, squares).
 */
export function inkedPixels(driver, chart) {
  return driver.executeScript(
    `const canvas = document.querySelector('figure[data-chart="' + arguments[0] + '"] canvas');
     const { width, height } = canvas;
     if (!width || !height) return { ink: 0, fill: 0 };
     const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
     const counts = new Map();
     for (let i = 0; i < data.length; i += 4) {
       const key = ((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]) >>> 0;
       counts.set(key, (counts.get(key) || 0) + 1);
     }
     const [background = 0, fill = 0] = [...counts.values()].sort((a, b) => b - a);
     return { ink: width * height - background, fill };`,
    chart,
  );
}

/** A short fingerprint of a chart's pixels, to tell whether it was drawn differently. */
export function fingerprint(driver, chart) {
  return driver.executeScript(
    `const canvas = document.querySelector('figure[data-chart="' + arguments[0] + '"] canvas');
     const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
     let hash = 0;
     for (let i = 0; i < data.length; i += 7) hash = (hash * 31 + data[i]) | 0;
     return hash;`,
    chart,
  );
}

/** The text of the first element matching `selector`. */
export function text(driver, selector) {
  return driver.executeScript("return document.querySelector(arguments[0]).textContent", selector);
}

/** Waits two frames, so that what the page drew for an input is on the canvas. */
export function twoFrames(driver) {
  return driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()))");
}

/** What the watcher (watcher.js) recorded in this page: { errors, violations }. */
export function watched(driver) {
  return driver.executeScript("return window.__watched || { errors: ['the watcher did not run'], violations: [] }");
}

/** Scrolls an element to the middle of the viewport. */
export function scrollToMiddle(driver, selector) {
  return driver.executeScript("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", selector);
}
