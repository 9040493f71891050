// The page as a reader meets it in each browser engine: Chromium (Blink), Firefox (Gecko) and
// WebKit, the same checks written once and run per engine through WebDriver. $ENGINE picks the
// engines (all three unless given). What only Chromium's own protocol can do (axe, throttling,
// emulated media and devices) stays in the Playwright suite (tests/page/).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Key } from "selenium-webdriver";
import { ENGINES, chosenEngines, startEngine } from "./engines.mjs";
import { watchedSite } from "./watched_site.mjs";
import { CHART_SLUGS, setViewport, waitFor, openSettled, inkedPixels, fingerprint, text, twoFrames, watched, scrollToMiddle } from "./in_the_page.mjs";

const FORCE = 'input[name="force"]';
const FORCE_TAKEAWAY = 'figure[data-chart="force-scenario"] [data-takeaway]';
const TROOPS_TAKEAWAY = 'figure[data-chart="troop-share"] [data-takeaway]';

/** Asserts that nothing went wrong in the page so far: no error, no refused file, no violation. */
async function assertClean(driver, site) {
  const seen = await watched(driver);
  assert.deepEqual(seen.errors, [], "errors in the page");
  assert.deepEqual(seen.violations, [], "policy violations seen by the page");
  assert.deepEqual(site.failures, [], "files the server refused");
  assert.deepEqual(site.reports, [], "policy violations the browser reported");
}

/** Moves the pointer over a chart's canvas, row by row, until its tooltip shows; returns its words. */
async function hoverUntilTooltip(driver, chart) {
  const canvas = await driver.findElement({ css: `figure[data-chart="${chart}"] canvas` });
  const { width, height } = await canvas.getRect();
  for (let row = 1; row < 12; row += 1) {
    for (let column = 1; column < 10; column += 1) {
      const x = Math.round(width * (column / 10 - 0.5));
      const y = Math.round(height * (row / 12 - 0.5));
      await driver.actions().move({ origin: canvas, x, y }).perform();
      const words = await driver.executeScript(`return ${TOOLTIP_SHOWN} && document.querySelector('figure[data-chart="' + arguments[0] + '"] .chart-tooltip').textContent`, chart);
      if (words) return words;
    }
  }
  return null;
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
    });

    after(async () => {
      await driver?.quit();
      engine?.stop();
      site?.stop();
    });

    test("every chart is drawn with ink, crisp at two device pixels per CSS pixel, with no error", async () => {
      const states = Object.fromEntries(await openSettled(driver, site.url));
      assert.deepEqual(Object.keys(states), CHART_SLUGS);
      assert.equal(await driver.executeScript("return devicePixelRatio"), 2);
      for (const chart of CHART_SLUGS) {
        assert.equal(states[chart], "drawn", chart);
        const ink = await inkedPixels(driver, chart);
        assert.ok(ink > 4000, `${chart}: ${ink} inked pixels`);
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
      await driver.executeScript("arguments[0].focus()", slider);
      await driver.actions().sendKeys(Key.ARROW_RIGHT, Key.ARROW_RIGHT).perform();
      const force = await text(driver, 'output[data-output="force"]');
      assert.notEqual(force, "30,000", "the keys moved the slider");
      await waitFor(driver, "return document.querySelector(arguments[0]).textContent.includes(arguments[1])", [FORCE_TAKEAWAY, `A force of ${force}`], "the force chart's sentence");
      assert.ok((await text(driver, TROOPS_TAKEAWAY)).includes(`A force of ${force} would be`), "the troop-share sentence follows");
      await twoFrames(driver);
      assert.notEqual(await fingerprint(driver, "force-scenario"), before.force, "the force chart is redrawn");
      assert.notEqual(await fingerprint(driver, "troop-share"), before.troops, "the troop-share chart is redrawn");

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
      await driver.actions().sendKeys(Key.ARROW_DOWN).perform();
      const first = await waitFor(driver, "return document.querySelector(arguments[0]).textContent", [live], "the first announcement");
      assert.match(first, /^[^:]+: .+\. Measure: .+\. Source: /);
      await driver.actions().sendKeys(Key.ARROW_DOWN).perform();
      const second = await waitFor(driver, "const t = document.querySelector(arguments[0]).textContent; return t !== arguments[1] && t", [live, first], "the second announcement");
      assert.match(second, /^[^:]+: .+\. Measure: /);
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

    test("a pointer over a bar shows its tooltip; moving away or Escape dismisses it", async () => {
      await openSettled(driver, site.url);
      const chart = "troop-share";
      await scrollToMiddle(driver, `figure[data-chart="${chart}"] canvas`);
      const words = await hoverUntilTooltip(driver, chart);
      assert.ok(words, "a tooltip showed somewhere over the chart");
      assert.match(words, /^[^:]+: [\d,.]+.*\. Measure: /);
      const heading = await driver.findElement({ css: `figure[data-chart="${chart}"] h2, figure[data-chart="${chart}"] h3` });
      await driver.actions().move({ origin: heading }).perform();
      await waitFor(driver, `return !(${TOOLTIP_SHOWN})`, [chart], "the tooltip hides when the pointer leaves");
      assert.equal(await hoverUntilTooltip(driver, chart), words, "the same bar's tooltip again");
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
      assert.ok((await inkedPixels(driver, "force-scenario")) > 4000, "the paper drawing has ink");
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
      const seen = await watched(driver);
      assert.deepEqual(seen.violations, []);
      assert.deepEqual(site.reports, []);
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
