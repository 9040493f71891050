// The real built page, served on 127.0.0.1 and loaded in headless Chromium: the article and
// both live charts at phone and desktop widths, crisp at any pixel ratio, following resizes,
// reserving their height, and surviving a failed wasm load or a broken figures file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { servedPage, open, chartStates, inkedPixels, staticChartShown, failureNotices, scrollThroughPage, CHART_SLUGS } from "./browser.mjs";

const OUTPUT = fileURLToPath(new URL("../output/", import.meta.url));
const CHARTS = CHART_SLUGS;
const ALL = (state) => Object.fromEntries(CHARTS.map((c) => [c, state]));
const ARTICLE_PARAGRAPHS = "main > p:not(.explainer)";
const shared = servedPage({ before, after });
before(() => {
  mkdirSync(OUTPUT, { recursive: true });
});

for (const width of [375, 1280]) {
  test(`at ${width} px the article and every chart are drawn, with no console errors`, async () => {
    const { page, errors, context } = await open(shared.browser, shared.server.url, { width, height: 900 });
    try {
      assert.deepEqual(await chartStates(page), ALL("drawn"));
      const paragraphs = await page.$$eval(ARTICLE_PARAGRAPHS, (ps) => ps.length);
      assert.equal(paragraphs, 7, "every paragraph of the article");
      assert.equal(await page.$$eval(".key-points li", (li) => li.length), 5);
      for (const chart of CHARTS) {
        const selector = `figure[data-chart="${chart}"] canvas`;
        const size = await page.$eval(selector, (c) => [c.width, c.height, c.clientWidth, c.clientHeight]);
        assert.ok(size[2] > 300 && size[2] <= width, `${chart} fits the width: ${size}`);
        const ink = await inkedPixels(page, selector);
        assert.ok(ink > (size[0] * size[1]) / 50, `${chart}: ${ink} inked pixels of ${size[0] * size[1]}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scroll (${overflow} px too wide)`);
      await page.screenshot({ path: `${OUTPUT}page-${width}.png`, fullPage: true });
      for (const chart of CHARTS) {
        await page.locator(`figure[data-chart="${chart}"]`).screenshot({ path: `${OUTPUT}${chart}-${width}.png` });
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test("the takeaway sentences are computed by the chart program", async () => {
  // A force of 45,000 from the address: 45,000 ÷ 3,418,600 and ÷ 2,118,000 (the reference
  // figures for NATO's active personnel) are 1.32% and 2.12%.
  const { page, context } = await open(shared.browser, `${shared.server.url}?force=45000`, { width: 800 });
  try {
    await chartStates(page);
    const troops = await page.textContent('figure[data-chart="troop-share"] [data-takeaway]');
    assert.match(troops, /A force of 45,000 would be 1\.32% of the active forces of all NATO members\./);
    assert.match(troops, /2\.12%/);
    // The computed sentence is the figure's caption, read once as its text: neither the
    // figure's description nor the canvas's name says it again. (While the reader may still
    // guess the chart's number, the question describes the figure, and the sentence waits.)
    const described = () => page.$eval('figure[data-chart="troop-share"]', (f) => f.getAttribute("aria-describedby"));
    assert.equal(await described(), "troop-share-question");
    await page.click('figure[data-chart="troop-share"] [data-skip]');
    assert.equal(await described(), "troop-share-description");
  } finally {
    await context.close();
  }
});

test("charts follow their container's resizes", async () => {
  const { page, context } = await open(shared.browser, shared.server.url, { width: 1280 });
  try {
    await chartStates(page);
    const before = await page.$eval('figure[data-chart="budgets"] canvas', (c) => c.width);
    await page.setViewportSize({ width: 500, height: 900 });
    await page.waitForFunction(() => {
      const c = document.querySelector('figure[data-chart="budgets"] canvas');
      return c.width === c.clientWidth && c.clientWidth < 500;
    });
    const after = await page.$eval('figure[data-chart="budgets"] canvas', (c) => c.width);
    assert.ok(after < before, `${before} → ${after}`);
    assert.ok((await inkedPixels(page, 'figure[data-chart="budgets"] canvas')) > 1000);
  } finally {
    await context.close();
  }
});

for (const at of ["", "#force-scenario-title"]) {
  test(`the charts' height and words are in place before they draw: no layout shift (${at || "top"})`, async () => {
    const context = await shared.browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    try {
      await page.addInitScript(() => {
        window.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__shifts += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      const frames = [];
      // Hold the wasm back until the frames and the figures' words are measured without it.
      const measure = () => page.$$eval("figure[data-chart]", (fs) => fs.map((f) => [f.querySelector(".chart-frame").getBoundingClientRect().height, f.querySelector("[data-takeaway]").textContent]));
      await page.route("**/*.wasm", async (route) => {
        frames.push(await measure());
        await route.continue();
      });
      await page.goto(`${shared.server.url}${at}`);
      await chartStates(page);
      assert.equal(frames.length, 1);
      assert.deepEqual(frames[0], await measure());
      assert.equal(await page.evaluate(() => window.__shifts), 0);
    } finally {
      await context.close();
    }
  });
}

test("a failed wasm load leaves the article and the static charts, with a notice", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  try {
    await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.goto(shared.server.url);
    assert.deepEqual(await chartStates(page), ALL("failed"));
    const notice = await page.textContent('figure[data-chart="budgets"] [data-status]');
    assert.match(notice, /did not load/);
    assert.deepEqual(await failureNotices(page), { shown: CHART_SLUGS.length, spoken: 1 }, "shown in every figure, said aloud once");
    assert.ok(await page.isVisible('figure[data-chart="budgets"] .chart-fallback'));
    // The static chart, never fetched while the program was expected, is fetched now.
    await staticChartShown(page, "coalition");
    assert.equal(await page.$$eval(ARTICLE_PARAGRAPHS, (ps) => ps.length), 7);
  } finally {
    await context.close();
  }
});

test("with the chart program, the static charts are not fetched at all", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  // A static chart may be fetched only once the page has said the charts are slow (after 2.5 s,
  // which a slow machine can reach): the page's own notice, told to the test as it happens, and
  // every request, in the order the test hears of them.
  const heard = [];
  let slowAfter = null;
  await page.exposeFunction("chartsWentSlow", (ms) => {
    heard.push("slow");
    slowAfter = ms;
  });
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.documentElement.classList.contains("charts-slow")) {
        observer.disconnect();
        window.chartsWentSlow(performance.now());
      }
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  });
  page.on("request", (request) => {
    if (request.url().includes("/www/static/")) heard.push(request.url());
  });
  try {
    await page.goto(shared.server.url);
    assert.deepEqual(await chartStates(page), ALL("drawn"));
    // Down the whole article: still none, unless the page went slow first.
    await scrollThroughPage(page);
    await page.waitForTimeout(300);
    const slowAt = heard.indexOf("slow");
    const early = (slowAt === -1 ? heard : heard.slice(0, slowAt)).filter((h) => h !== "slow");
    assert.deepEqual(early, [], "no static chart fetched while the chart program was expected");
    // And the page says the charts are slow only once they are: 2.5 s after it started.
    if (slowAfter !== null) assert.ok(slowAfter >= 2_400, `went slow after ${slowAfter} ms`);
  } finally {
    await context.close();
  }
});

test("a host whose policy forbids the loader still gives the static charts", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const blocked = [];
  page.on("console", (message) => {
    if (message.type() === "error") blocked.push(message.text());
  });
  try {
    // The page's own policy and the server's, both without the loader's hash.
    await page.route(shared.server.url, async (route) => {
      const response = await route.fetch();
      const strip = (policy) => policy.replace(/ 'sha256-[^']*'/g, "");
      const headers = { ...response.headers(), "content-security-policy": strip(response.headers()["content-security-policy"]) };
      delete headers["content-encoding"];
      delete headers["content-length"];
      await route.fulfill({ response, headers, body: strip(await response.text()) });
    });
    await page.goto(shared.server.url, { waitUntil: "load" });
    assert.ok(blocked.some((line) => /Content Security Policy/i.test(line)), "the loader was refused");
    assert.equal(await page.evaluate(() => document.documentElement.className), "");
    await staticChartShown(page, "coalition");
    assert.equal(await page.$$eval(ARTICLE_PARAGRAPHS, (ps) => ps.length), 7);
  } finally {
    await context.close();
  }
});

test("at load, a task that has spent its drawing budget on one chart leaves the next to the next task", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 900 } });
  // The charts a task draws are marked drawn together once it has drawn them; each drawing's
  // time is recorded from the moment the program is ready.
  await context.addInitScript(() => {
    window.drawnTogether = [];
    new MutationObserver((records) => {
      const drawn = new Set(records.filter((r) => r.target.dataset?.state === "drawn" && !r.target.hasAttribute("data-shapes")).map((r) => r.target.dataset.chart));
      if (drawn.size) window.drawnTogether.push([...drawn]);
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-state"] });
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === "charts:loaded") import(new URL("www/pkg/reassurance_force.js", document.baseURI)).then((program) => program.recordRedraws(true));
      return mark(name, ...rest);
    };
  });
  const page = await context.newPage();
  try {
    await page.goto(shared.server.url, { waitUntil: "commit" });
    // A phone many times slower than this machine: a chart's first drawing takes longer than a
    // task's budget.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
    await page.waitForFunction(
      () => {
        const figures = [...document.querySelectorAll("figure[data-chart]:not([data-shapes])")];
        return document.readyState !== "loading" && figures.length > 0 && figures.every((f) => f.dataset.state === "drawn");
      },
      null,
      { timeout: 120_000, polling: 500 },
    );
    const { together, took } = await page.evaluate(() => ({
      together: window.drawnTogether,
      took: Object.fromEntries(performance.getEntriesByType("measure").filter((m) => m.name.startsWith("chart-redraw ")).map((m) => [m.name.slice(13), m.duration])),
    }));
    const bars = await page.$$eval("figure[data-chart]:not([data-shapes])", (f) => f.length);
    assert.equal(together.flat().length, bars, `charts drawn, task by task: ${JSON.stringify(together)}`);
    assert.ok(Object.values(took).some((ms) => ms > 12), `a drawing over the budget, to put the rule to the test: ${JSON.stringify(took)}`);
    // A task goes on to another chart only while what it has drawn took under its 12 ms (a task
    // drawn before the recording began is not judged).
    const judged = together.filter((charts) => charts.every((chart) => chart in took));
    for (const charts of judged) {
      const before = charts.slice(0, -1).reduce((sum, chart) => sum + took[chart], 0);
      assert.ok(before <= 12.5, `${charts} drawn in one task after ${before.toFixed(1)} ms of drawing: ${JSON.stringify(took)}`);
    }
    assert.ok(judged.length >= 3, `tasks with every drawing timed: ${JSON.stringify(judged)}`);
  } finally {
    await context.close();
  }
});

test("while a slow chart program arrives, the static charts show; then the drawings replace them", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  try {
    // The chart program is held back until the test has seen the static charts: no race with
    // the 2.5 s after which the page shows them, however slow the machine.
    const release = await holdProgram(page);
    await page.goto(shared.server.url);
    const fallback = 'figure[data-chart="coalition"] .chart-fallback';
    assert.ok(await page.isHidden(fallback), "not shown at first: the drawing is expected");
    await staticChartShown(page, "coalition", 15_000);
    const notice = () => page.$eval('figure[data-chart="coalition"] .chart-frame', (f) => getComputedStyle(f, "::after").content);
    assert.match(await notice(), /still loading; this is its static version/);
    assert.equal(await page.textContent('figure[data-chart="coalition"] [data-status]'), "", "not in the live status line");
    release();
    assert.deepEqual(await chartStates(page), ALL("drawn"));
    assert.equal(await notice(), "none", "the notice goes with the static chart");
    assert.equal(await page.$eval(fallback, (img) => getComputedStyle(img).visibility), "hidden");
    assert.ok(await page.isVisible('figure[data-chart="coalition"] canvas'));
  } finally {
    await context.close();
  }
});

test("a chart the reader jumps to before it is drawn shows its static version meanwhile, never an empty frame", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  try {
    // The chart program is held back, well within the 2.5 s after which every chart would show
    // its static version anyway.
    const release = await holdProgram(page);
    await page.goto(shared.server.url, { waitUntil: "domcontentloaded" });
    const last = CHART_SLUGS[CHART_SLUGS.length - 1];
    const first = CHART_SLUGS[0];
    await page.evaluate((chart) => document.querySelector(`figure[data-chart="${chart}"]`).scrollIntoView({ block: "center" }), last);
    await staticChartShown(page, last, 2_000);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("charts-slow")), false, "shown because it was reached, not because the page went slow");
    // The first chart, in view at load and not scrolled to since, waits for its drawing unfetched.
    assert.equal(await page.$eval(`figure[data-chart="${first}"] .chart-fallback`, (img) => getComputedStyle(img).display), "none");
    release();
    assert.deepEqual(await chartStates(page), ALL("drawn"));
    assert.equal(await page.$eval(`figure[data-chart="${last}"] .chart-fallback`, (img) => getComputedStyle(img).display), "none", "the drawing replaces it");
    assert.ok(await page.isVisible(`figure[data-chart="${last}"] canvas`));
  } finally {
    await context.close();
  }
});

test("a damaged figures digest is reported in each figure, by name, and said aloud once", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    await page.route("**/figures.bin", async (route) => {
      const response = await route.fetch();
      const bytes = await response.body();
      // Sent packed, answered plain: the packing's headers go with it.
      const headers = { ...response.headers() };
      delete headers["content-encoding"];
      delete headers["content-length"];
      await route.fulfill({ response, headers, body: bytes.subarray(0, bytes.length >> 1) });
    });
    await page.goto(shared.server.url);
    assert.deepEqual(await chartStates(page), ALL("failed"));
    const notice = await page.textContent('figure[data-chart="troop-share"] [data-status]');
    assert.match(notice, /figures file: its digest does not read/);
    assert.equal(errors.length, 1, errors.join("\n"));
    assert.deepEqual(await failureNotices(page), { shown: CHART_SLUGS.length, spoken: 1 }, "shown in every figure, said aloud once");
  } finally {
    await context.close();
  }
});

test("bytes that are no figures digest (a JSON text) are refused by name in each figure", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    // A JSON file that is no figures file at all, served in the digest's place: its bytes read
    // as no digest.
    await page.route("**/figures.bin", (route) => route.fulfill({ status: 200, contentType: "application/octet-stream", body: '{"sources": {' }));
    await page.goto(shared.server.url);
    assert.deepEqual(await chartStates(page), ALL("failed"));
    assert.match(await page.textContent('figure[data-chart="budgets"] [data-status]'), /figures file: its digest/);
    assert.equal(errors.length, 1, errors.join("\n"));
    assert.equal(await page.$$eval(ARTICLE_PARAGRAPHS, (ps) => ps.length), 7);
  } finally {
    await context.close();
  }
});

/** Holds back the page's chart program until the function returned is called. */
async function holdProgram(page) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
