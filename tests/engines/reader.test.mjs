// The page as a reader meets it in each browser engine: Chromium (Blink), Firefox (Gecko) and
// WebKit, the same checks written once and run per engine through WebDriver. $ENGINE picks the
// engines (all three unless given). The Playwright suite (tests/page/) keeps axe, throttling,
// emulated media and devices, and the checks of particular words and failures.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Key } from "selenium-webdriver";
import { ENGINES, chosenEngines, startEngine } from "./engines.mjs";
import { watchedSite } from "./watched_site.mjs";
import { CHART_SLUGS, setViewport, waitFor, openSettled, inkedPixels, fingerprint, text, twoFrames, watched, scrollToMiddle } from "./in_the_page.mjs";

const FORCE = 'input[name="force"]';
const FORCE_TAKEAWAY = 'figure[data-chart="force-scenario"] [data-takeaway]';
const TROOPS_TAKEAWAY = 'figure[data-chart="troop-share"] [data-takeaway]';

/**
 * Asserts that nothing went wrong in the page since the last look: no error, no refused file, no
 * violation. What was seen is cleared, so that one failure is reported once, by its own test.
 */
async function assertClean(driver, site) {
  const seen = await watched(driver);
  // A browser sends its policy reports on its own time: give it a moment.
  await new Promise((r) => setTimeout(r, 150));
  const failures = site.failures.splice(0);
  const reports = site.reports.splice(0);
  await driver.executeScript("if (window.__watched) { window.__watched.errors = []; window.__watched.violations = []; }");
  assert.deepEqual(seen.errors, [], "errors in the page");
  assert.deepEqual(seen.violations, [], "policy violations seen by the page");
  assert.deepEqual(failures, [], "files the server refused");
  assert.deepEqual(reports, [], "policy violations the browser reported");
}

/** The labels of a chart's data table, row by row (the table is written by the build). */
function tableLabels(driver, chart) {
  return driver.executeScript(`return [...document.querySelectorAll('figure[data-chart="' + arguments[0] + '"] .chart-table tbody th')].map((th) => th.textContent)`, chart);
}

/**
 * Moves the pointer down a chart's canvas, a few CSS pixels at a time, and returns each tooltip
 * met, in order (a tooltip is listed once however long the pointer stays on its bar).
 */
async function sweepTooltips(driver, chart) {
  const canvas = await driver.findElement({ css: `figure[data-chart="${chart}"] canvas` });
  const { width, height } = await canvas.getRect();
  const met = [];
  for (let y = 2; y < height - 2; y += 5) {
    await driver.actions().move({ origin: canvas, x: Math.round(-width * 0.35), y: Math.round(y - height / 2) }).perform();
    const words = await driver.executeScript(`return ${TOOLTIP_SHOWN} && document.querySelector('figure[data-chart="' + arguments[0] + '"] .chart-tooltip').textContent`, chart);
    if (words && words !== met[met.length - 1]) met.push(words);
  }
  return met;
}

/** Whether the tooltip of the chart named by the script's first argument shows (an expression). */
const TOOLTIP_SHOWN = `((tip) => !!tip && !tip.hidden && tip.offsetHeight > 0)(document.querySelector('figure[data-chart="' + arguments[0] + '"] .chart-tooltip'))`;

function tooltipShown(driver, chart) {
  return driver.executeScript(`return ${TOOLTIP_SHOWN}`, chart);
}

for (const name of chosenEngines()) {
  describe(`in ${ENGINES[name].browser}`, () => {
    let site;
    let engine;
    let driver;

    before(async () => {
      site = await watchedSite();
      engine = await startEngine(name);
      driver = await engine.session();
      await setViewport(driver, 1000, 900);
    }, { timeout: 90_000 });

    after(async () => {
      // Each stopped on its own, so that a failure to quit leaves no server running.
      try {
        await driver?.quit();
      } finally {
        engine?.stop();
        site?.stop();
      }
    }, { timeout: 60_000 });

    test("the features the page relies on are there (those it can do without are listed)", async (t) => {
      await openSettled(driver, site.url);
      const features = await driver.executeScript(`return {
        required: {
          "WebAssembly.compileStreaming": typeof WebAssembly === "object" && typeof WebAssembly.compileStreaming === "function",
          "canvas 2D": !!document.createElement("canvas").getContext("2d"),
          "Path2D from an SVG path": typeof Path2D === "function" && !!new Path2D("M0 0L1 1"),
          ResizeObserver: typeof ResizeObserver === "function",
          requestAnimationFrame: typeof requestAnimationFrame === "function",
          "beforeprint and afterprint": "onbeforeprint" in window && "onafterprint" in window,
          "matchMedia change events": typeof matchMedia("(prefers-color-scheme: dark)").addEventListener === "function",
          "history.replaceState": typeof history.replaceState === "function",
          "<picture> media sources": typeof HTMLPictureElement === "function",
        },
        optional: {
          "paint timing (the loader waits two frames without it)": (PerformanceObserver.supportedEntryTypes || []).includes("paint"),
          "content-visibility (a chart's canvas far from the screen is painted at every frame without it)": CSS.supports("content-visibility", "auto"),
          "requestIdleCallback (not used)": typeof requestIdleCallback === "function",
          "devicePixelContentBoxSize (not used)": typeof ResizeObserverEntry === "function" && "devicePixelContentBoxSize" in ResizeObserverEntry.prototype,
        },
      }`);
      const missing = Object.entries(features.required).filter(([, present]) => !present).map(([feature]) => feature);
      assert.deepEqual(missing, [], "features the page needs");
      for (const [feature, present] of Object.entries(features.optional)) t.diagnostic(`${present ? "has" : "lacks"} ${feature}`);
    });

    test("every chart is drawn with ink, crisp at two device pixels per CSS pixel, with no error", async () => {
      const states = Object.fromEntries(await openSettled(driver, site.url));
      assert.deepEqual(Object.keys(states), CHART_SLUGS);
      assert.equal(await driver.executeScript("return devicePixelRatio"), 2);
      for (const chart of CHART_SLUGS) {
        assert.equal(states[chart], "drawn", chart);
        const { ink, fill } = await inkedPixels(driver, chart);
        assert.ok(ink > 4000, `${chart}: ${ink} inked pixels`);
        // Words alone spread over many shades; a bar or a square is one colour over a large area.
        assert.ok(fill > 3000, `${chart}: its largest solid colour covers ${fill} pixels`);
        const [w, h, cw, ch] = await driver.executeScript(
          `const c = document.querySelector('figure[data-chart="' + arguments[0] + '"] canvas');
           return [c.width, c.height, c.clientWidth, c.clientHeight];`,
          chart,
        );
        assert.ok(cw > 200 && ch > 100, `${chart}: laid out at ${cw} × ${ch}`);
        assert.equal(w, cw * 2, `${chart}: backing store as wide as its device pixels`);
        assert.equal(h, ch * 2, `${chart}: backing store as tall as its device pixels`);
      }
      await assertClean(driver, site);
    });

    test("the force slider, by keyboard and by pointer, redraws its two charts and rewrites their sentences", async () => {
      await openSettled(driver, site.url);
      const before = { force: await fingerprint(driver, "force-scenario"), troops: await fingerprint(driver, "troop-share") };
      await scrollToMiddle(driver, FORCE);
      const slider = await driver.findElement({ css: FORCE });
      const start = await text(driver, 'output[data-output="force"]');
      await driver.executeScript("arguments[0].focus()", slider);
      await driver.actions().sendKeys(Key.ARROW_RIGHT, Key.ARROW_RIGHT).perform();
      const force = await text(driver, 'output[data-output="force"]');
      assert.ok(Number(force.replace(/,/g, "")) > Number(start.replace(/,/g, "")), `the keys moved the slider from ${start} to ${force}`);
      await waitFor(driver, "return document.querySelector(arguments[0]).textContent.includes(arguments[1])", [FORCE_TAKEAWAY, `A force of ${force}`], "the force chart's sentence");
      assert.ok((await text(driver, '[data-sentence="force-scenario"]')).includes(`A force of ${force}`), "the article's own sentence follows");
      await twoFrames(driver);
      assert.notEqual(await fingerprint(driver, "force-scenario"), before.force, "the force chart is redrawn");
      // The troop-share chart, off screen, follows a moment after the keys are left alone.
      await waitFor(driver, "return document.querySelector(arguments[0]).textContent.includes(arguments[1])", [TROOPS_TAKEAWAY, `A force of ${force} would be`], "the troop-share sentence follows");
      for (let tries = 0; (await fingerprint(driver, "troop-share")) === before.troops; tries += 1) {
        assert.ok(tries < 100, "the troop-share chart is redrawn");
        await new Promise((r) => setTimeout(r, 50));
      }

      // A pointer drags the thumb towards the far end of the track.
      const { width } = await slider.getRect();
      const keyed = Number(await slider.getAttribute("value"));
      const [value, min, max] = await driver.executeScript("const i = arguments[0]; return [+i.value, +i.min, +i.max]", slider);
      assert.equal(value, keyed);
      const at = (fraction) => Math.round((fraction - 0.5) * (width - 16));
      await driver
        .actions()
        .move({ origin: slider, x: at((value - min) / (max - min)), y: 0 })
        .press()
        .move({ origin: slider, x: at(0.6), y: 0, duration: 200 })
        .move({ origin: slider, x: at(0.8), y: 0, duration: 200 })
        .release()
        .perform();
      const dragged = await text(driver, 'output[data-output="force"]');
      assert.ok(Number(dragged.replace(/,/g, "")) > Number(force.replace(/,/g, "")), `dragged from ${force} to ${dragged}`);
      await waitFor(driver, "return document.querySelector(arguments[0]).textContent.includes(arguments[1])", [FORCE_TAKEAWAY, `A force of ${dragged}`], "the sentence after the drag");
      await waitFor(driver, "return location.search.includes(arguments[0])", [`force=${dragged.replace(/,/g, "")}`], "the address follows the drag, once the thumb is let go");
      await assertClean(driver, site);
    });

    test("a guess typed and sent with the keyboard is drawn, then shown beside the answer with the sentence that compares them", async () => {
      await openSettled(driver, site.url);
      const chart = 'figure[data-chart="troop-share"]';
      const before = await fingerprint(driver, "troop-share");
      await scrollToMiddle(driver, `${chart} input[type="number"]`);
      const input = await driver.findElement({ css: `${chart} input[type="number"]` });
      assert.equal(await driver.executeScript("return getComputedStyle(arguments[0]).display", await driver.findElement({ css: TROOPS_TAKEAWAY })), "none", "the takeaway waits for the guess");
      await driver.executeScript("arguments[0].focus()", input);
      await driver.actions().sendKeys("2").perform();
      for (let tries = 0; (await fingerprint(driver, "troop-share")) === before; tries += 1) {
        assert.ok(tries < 100, "the guess is drawn");
        await new Promise((r) => setTimeout(r, 50));
      }
      await driver.actions().sendKeys(Key.ENTER).perform();
      const line = `${chart} [data-guess-line]`;
      await waitFor(driver, "return document.querySelector(arguments[0]).textContent", [line], "the comparison");
      assert.match(await text(driver, line), /^Your guess, 2%, is too high: the answer is 0\.\d\d%\.$/);
      assert.notEqual(await driver.executeScript("return getComputedStyle(arguments[0]).display", await driver.findElement({ css: TROOPS_TAKEAWAY })), "none", "the takeaway shows with the answer");
      assert.equal(await driver.executeScript("return location.search"), "", "the guess is in no link");
      await assertClean(driver, site);
    });

    test("a radio redraws its chart and changes its sentence", async () => {
      await openSettled(driver, site.url);
      for (const [chart, radio] of [
        ["force-scenario", 'input[name="share"][value="personnel"]'],
        ["budgets", 'input[name="budget"][value="gdp"]'],
      ]) {
        const takeaway = `figure[data-chart="${chart}"] [data-takeaway]`;
        const words = await text(driver, takeaway);
        const drawn = await fingerprint(driver, chart);
        await scrollToMiddle(driver, radio);
        // Clicked by its label, as a reader's finger would.
        await driver.executeScript("return arguments[0].closest('label')", await driver.findElement({ css: radio })).then((label) => label.click());
        assert.equal(await driver.executeScript("return document.querySelector(arguments[0]).checked", radio), true, `${radio} checked`);
        await waitFor(driver, "return document.querySelector(arguments[0]).textContent !== arguments[1]", [takeaway, words], `${chart}: its sentence changes`);
        await twoFrames(driver);
        assert.notEqual(await fingerprint(driver, chart), drawn, `${chart} is redrawn`);
      }
      await assertClean(driver, site);
    });

    test("the arrow keys read a chart's bars aloud, one by one, and Escape closes the reading", async () => {
      await openSettled(driver, site.url);
      const chart = "budgets";
      const live = `figure[data-chart="${chart}"] [data-live]`;
      const plain = await fingerprint(driver, chart);
      await scrollToMiddle(driver, `figure[data-chart="${chart}"] canvas`);
      await driver.executeScript("document.querySelector(arguments[0]).focus()", `figure[data-chart="${chart}"] canvas`);
      const rows = await tableLabels(driver, chart);
      assert.ok(rows.length >= 2, `${chart}: ${rows.length} rows in its data table`);
      await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
      const first = await waitFor(driver, "return document.querySelector(arguments[0]).textContent", [live], "the first announcement");
      // The first point is said after its panel's name, and every point with its place.
      assert.ok(first.includes(`. ${rows[0]}: `), `the first bar first: "${first}"`);
      assert.match(first, /\. Measure: .+\. Source: .+ 1 of \d+\.$/);
      await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
      const second = await waitFor(driver, "const t = document.querySelector(arguments[0]).textContent; return t !== arguments[1] && t", [live, first], "the second announcement");
      assert.ok(second.startsWith(`${rows[1]}: `), `then the second: "${second}"`);
      await twoFrames(driver);
      assert.notEqual(await fingerprint(driver, chart), plain, "a focus ring is drawn");
      assert.equal(await tooltipShown(driver, chart), true, "the bar's tooltip shows");
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      assert.equal(await tooltipShown(driver, chart), false, "Escape hides the tooltip");
      // Tab leaves the chart, so that the arrow keys scroll the page again.
      await driver.actions().sendKeys(Key.TAB).perform();
      assert.notEqual(await driver.executeScript("return document.activeElement.tagName"), "CANVAS");
      await assertClean(driver, site);
    });

    test("a pointer over each bar shows that bar's tooltip; moving away or Escape dismisses it", async () => {
      await openSettled(driver, site.url);
      const chart = "coalition";
      await scrollToMiddle(driver, `figure[data-chart="${chart}"] canvas`);
      // Down the chart, each bar's tooltip in the order of the data table: a pointer read at the
      // wrong scale (CSS against device pixels) would miss bars or name the wrong ones.
      const met = await sweepTooltips(driver, chart);
      const rows = await tableLabels(driver, chart);
      assert.equal(met.length, rows.length, `tooltips met: ${JSON.stringify(met)}`);
      met.forEach((words, i) => {
        // An annotation's words that give its value are not followed by it again.
        assert.ok(words.startsWith(`${rows[i]}: `) || words.startsWith(`${rows[i]}. `), `bar ${i + 1}: "${words}"`);
        assert.match(words, /\. Measure: /);
      });
      const heading = await driver.findElement({ css: `figure[data-chart="${chart}"] h2` });
      await driver.actions().move({ origin: heading }).perform();
      await waitFor(driver, `return !(${TOOLTIP_SHOWN})`, [chart], "the tooltip hides when the pointer leaves");
      const canvas = await driver.findElement({ css: `figure[data-chart="${chart}"] canvas` });
      await driver.actions().move({ origin: canvas }).perform();
      await waitFor(driver, `return ${TOOLTIP_SHOWN}`, [chart], "a tooltip over the middle of the chart");
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await waitFor(driver, `return !(${TOOLTIP_SHOWN})`, [chart], "the tooltip is dismissed");
      await assertClean(driver, site);
    });

    test("the scenario travels in the link: the address carries it, and opening it restores it", async () => {
      await openSettled(driver, site.url);
      await scrollToMiddle(driver, FORCE);
      await driver.executeScript("document.querySelector(arguments[0]).focus()", FORCE);
      await driver.actions().sendKeys(Key.ARROW_RIGHT, Key.ARROW_RIGHT, Key.ARROW_RIGHT).perform();
      const keyed = await waitFor(driver, "const t = document.querySelector(arguments[0]).textContent; return t.includes(arguments[1]) && t", [FORCE_TAKEAWAY, `A force of ${await text(driver, 'output[data-output="force"]')}`], "the sentence after the keys");
      const personnel = await driver.findElement({ css: 'input[name="share"][value="personnel"]' });
      await driver.executeScript("arguments[0].closest('label').click()", personnel);
      const force = await driver.executeScript("return document.querySelector(arguments[0]).value", FORCE);
      const link = await waitFor(driver, "return location.search.includes('share=personnel') && location.href", [], "the address carries the scenario");
      assert.match(link, new RegExp(`force=${force}`));
      // The sentence is rewritten at the next frame.
      const words = await waitFor(driver, "const t = document.querySelector(arguments[0]).textContent; return t !== arguments[1] && t", [FORCE_TAKEAWAY, keyed], "the sentence after the radio");
      await twoFrames(driver);
      const drawn = await fingerprint(driver, "force-scenario");
      await assertClean(driver, site);
      await openSettled(driver, site.url);
      assert.notEqual(await text(driver, FORCE_TAKEAWAY), words, "the bare page has its own scenario");
      await openSettled(driver, link);
      assert.equal(await driver.executeScript("return document.querySelector(arguments[0]).value", FORCE), force);
      assert.equal(await driver.executeScript("return document.querySelector('input[name=\"share\"][value=\"personnel\"]').checked"), true);
      assert.equal(await text(driver, FORCE_TAKEAWAY), words, "the same sentence as the reader left it");
      await twoFrames(driver);
      assert.equal(await fingerprint(driver, "force-scenario"), drawn, "the same drawing as the reader left it");
      await assertClean(driver, site);
    });

    test("print shows the charts, drawn for paper", async () => {
      await openSettled(driver, `${site.url}?force=60000`);
      // The page's print style sheet applied to the screen, and the browser's own print event.
      const printed = await driver.executeScript(`
        for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
          if (rule.media && rule.media.mediaText === "print") rule.media.mediaText = "all";
        }
        dispatchEvent(new Event("beforeprint"));
        return [...document.querySelectorAll("figure[data-chart]")].map((f) => {
          const canvas = f.querySelector("canvas");
          const fallback = f.querySelector(".chart-fallback");
          return { chart: f.dataset.chart, mark: f.dataset.print || "", canvas: getComputedStyle(canvas).display, fallback: getComputedStyle(fallback).display, width: canvas.width, css: canvas.clientWidth };
        });`);
      assert.equal(printed.length, CHART_SLUGS.length);
      for (const p of printed) {
        assert.equal(p.mark, "live", `${p.chart}: drawn for paper`);
        assert.notEqual(p.canvas, "none", `${p.chart}: the drawing is printed`);
        assert.equal(p.fallback, "none", `${p.chart}: the static chart is not`);
        assert.equal(p.width, p.css * 3, `${p.chart}: at three pixels per CSS pixel`);
      }
      assert.ok((await inkedPixels(driver, "force-scenario")).fill > 3000, "the paper drawing has its bars");
      await driver.executeScript(`
        dispatchEvent(new Event("afterprint"));
        for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
          if (rule.media && rule.media.mediaText === "all") rule.media.mediaText = "print";
        }`);
      await waitFor(driver, "const c = document.querySelector('figure[data-chart=\"force-scenario\"] canvas'); return c.width === c.clientWidth * 2", [], "the screen drawing is back");
      if (engine.canPrint) {
        // And a real print: the browser's print event has the page draw every chart for paper
        // (seen by a listener that runs after the page's), and a PDF comes out.
        await driver.executeScript(`
          window.printedCharts = null;
          addEventListener("beforeprint", () => {
            window.printedCharts = [...document.querySelectorAll("figure[data-chart]")].map((f) => [f.dataset.chart, f.dataset.print || "", f.querySelector("canvas").width / f.querySelector("canvas").clientWidth]);
          }, { once: true });`);
        const pdf = Buffer.from(await driver.printPage({ background: true }), "base64");
        assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
        assert.ok(pdf.length > 50_000, `a PDF of ${pdf.length} bytes`);
        const during = await driver.executeScript("return window.printedCharts");
        assert.ok(during, "the print event reached the page");
        assert.deepEqual(during.map(([chart]) => chart), CHART_SLUGS);
        for (const [chart, mark, scale] of during) {
          assert.equal(mark, "live", `${chart}: drawn for paper when printed`);
          assert.equal(scale, 3, `${chart}: at three pixels per CSS pixel when printed`);
        }
        await waitFor(driver, "const c = document.querySelector('figure[data-chart=\"force-scenario\"] canvas'); return c.width === c.clientWidth * 2", [], "the screen drawing is back after printing");
      }
      await assertClean(driver, site);
    });

    test("the page's strict policy holds: the header is sent and nothing was refused", async () => {
      const answer = await fetch(site.url);
      assert.match(answer.headers.get("content-security-policy"), /script-src 'self' 'wasm-unsafe-eval'/);
      const states = await openSettled(driver, site.url);
      assert.ok(states.length > 0 && states.every(([, state]) => state === "drawn"), JSON.stringify(states));
      // Every control and reading once more, under the policy.
      await driver.executeScript("document.querySelector('input[name=\"share\"][value=\"budget\"]').closest('label').click()");
      await driver.executeScript("document.querySelector('figure[data-chart=\"budgets\"] canvas').focus()");
      await driver.actions().sendKeys(Key.ARROW_RIGHT, Key.ARROW_DOWN, Key.END, Key.HOME, Key.ESCAPE).perform();
      await twoFrames(driver);
      await assertClean(driver, site);
    });

    test("the scroll bar tells the truth: the page is as long at load as once every part is laid out", async () => {
      await openSettled(driver, site.url);
      const atLoad = await driver.executeScript("return document.documentElement.scrollHeight");
      await driver.executeAsyncScript(`
        const done = arguments[0];
        (async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
            scrollTo(0, y);
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          }
        })().then(done);`);
      const laidOut = await driver.executeScript("return document.documentElement.scrollHeight");
      const off = Math.abs(atLoad - laidOut) / laidOut;
      assert.ok(off < 0.02, `${atLoad} px at load, ${laidOut} px laid out (${(off * 100).toFixed(1)}% off)`);
    });

    test("without JavaScript every figure shows its static chart, the version drawn for its width", async () => {
      const plain = await engine.session({ javascript: false });
      try {
        // 600 px is narrower than 40rem (the narrow version) and wider than the smallest window
        // WebKit's browser opens; 1000 px takes the full-width version.
        for (const [width, version] of [[600, "-narrow.svg"], [1000, ".svg"]]) {
          await setViewport(plain, width);
          await plain.get(site.url);
          const images = await plain.findElements({ css: "figure[data-chart] .chart-fallback" });
          assert.equal(images.length, CHART_SLUGS.length);
          for (const [i, image] of images.entries()) {
            const src = String(await image.getProperty("currentSrc"));
            assert.ok(src.endsWith(`/${CHART_SLUGS[i]}${version}`), `at ${width} px: ${src}`);
            assert.ok(await image.isDisplayed(), `${src}: shown`);
            const rect = await image.getRect();
            assert.ok(rect.width > 200 && rect.height > 100, `${src}: ${rect.width} × ${rect.height}`);
            assert.ok(Number(await image.getProperty("naturalWidth")) > 0, `${src}: loaded`);
          }
        }
      } finally {
        await plain.quit();
      }
      assert.deepEqual(site.failures, []);
    });
  });
}
