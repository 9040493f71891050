// Exploring the figures in the real page, where Chromium's own protocol is needed (a phone's touch
// screen) or the words matter: tapping a bar on a phone, a link's scenario read aloud, a hostile
// link, the data table following the scenario. Dragging, the keyboard, tooltips and the link's
// round trip are checked in every engine (tests/engines/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { servedPage, open, chartStates, skipGuesses } from "./browser.mjs";

const shared = servedPage({ before, after });

test("at a phone's width, tapping a bar shows its value and tapping elsewhere hides it", async () => {
  const context = await shared.browser.newContext({
    viewport: { width: 375, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  try {
    await page.goto(shared.server.url);
    await chartStates(page);
    const canvas = page.locator('figure[data-chart="troop-share"] canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // The army panel's first bar (Türkiye) sits about 44% down the chart; tap its bar.
    const hit = await page.evaluate(() => {
      const c = document.querySelector('figure[data-chart="troop-share"] canvas');
      return c.clientHeight;
    });
    await page.touchscreen.tap(box.x + 40, box.y + hit * 0.47);
    const tooltip = page.locator('figure[data-chart="troop-share"] .chart-tooltip');
    await tooltip.waitFor({ state: "visible" });
    const words = await tooltip.textContent();
    assert.match(words, /^(Türkiye|Poland): [\d,]+\. Measure: active military personnel\. Reference, 2024\. Source: NATO\./);
    const tip = await tooltip.boundingBox();
    assert.ok(tip.y + tip.height <= box.y + hit * 0.47 || tip.y >= box.y + hit * 0.47, "the tooltip does not cover the tapped bar");
    await page.touchscreen.tap(box.x + 20, box.y - 60);
    await tooltip.waitFor({ state: "hidden" });
  } finally {
    await context.close();
  }
});

test("a link answers: what share of each army would 60,000 troops with three rotations take?", async () => {
  const { page, errors, context } = await open(shared.browser, `${shared.server.url}?force=60000&rotation=3&share=equal`, { width: 1000 });
  try {
    await chartStates(page);
    assert.equal(await page.inputValue('input[name="force"]'), "60000");
    assert.equal(await page.textContent('output[data-output="rotation"]'), "3");
    const words = await page.textContent('figure[data-chart="force-scenario"] [data-takeaway]');
    assert.match(words, /^A force of 60,000 with 3 units for each one deployed ties up 180,000 troops\./);
    assert.match(words, /Shared equally, the heaviest load falls on United Kingdom: 12,000 deployed and 36,000 tied up\. That is 26\.1% of its active forces\.$/);
    // Each army's share is readable from the chart too, through the keyboard.
    await page.focus('figure[data-chart="force-scenario"] canvas');
    await page.keyboard.press("ArrowRight");
    // The first point is said with its panel's name, then its place among the chart's points.
    const said = await page.textContent('figure[data-chart="force-scenario"] [data-live]');
    assert.match(said, /^Share of each army tied up, [^.]*\. Poland: 12,000 deployed, 36,000 tied up: 16\.7%/);
    assert.match(said, / 1 of \d+\.$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a hostile link is ignored with a quiet notice and never becomes markup", async () => {
  const hostile = "?force=%3Cscript%3Ealert(1)%3C/script%3E&rotation=-1&share=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E&currency=NaN&force=1e999&" + "x".repeat(3000) + "=1";
  const { page, errors, context } = await open(shared.browser, shared.server.url + hostile, { width: 1000 });
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs += 1;
    d.dismiss();
  });
  try {
    assert.ok(Object.values(await chartStates(page)).every((s) => s === "drawn"));
    const notice = await page.textContent('figure[data-chart="force-scenario"] [data-notice]');
    assert.match(notice, /Ignored “force=<script>alert\(1\)<\/script>” in the link/);
    assert.ok(notice.length < 1500, `the notice stays short (${notice.length})`);
    assert.equal(await page.$$eval("main img:not(.chart-fallback), main script", (n) => n.length), 0);
    assert.equal(dialogs, 0);
    assert.match(await page.textContent('figure[data-chart="force-scenario"] [data-takeaway]'), /A force of 30,000/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the data table follows the reader's scenario, and returns to the page's", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const figure = 'figure[data-chart="force-scenario"]';
    const opened = await tableRows(page, figure);
    assert.match(await page.textContent(`${figure} caption`), /\(as the page opens\)$/);
    const setForce = async (value) => {
      // A move of the slider that ends (its input, then its change, as a released thumb or a
      // key sends them): what is out of sight follows once the control settles.
      await page.$eval('input[name="force"]', (input, v) => {
        input.value = String(v);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }, value);
      await page.waitForFunction((v) => document.querySelector('figure[data-chart="force-scenario"] [data-takeaway]').textContent.includes(`A force of ${v.toLocaleString("en-GB")}`), value);
    };
    await setForce(60_000);
    await page.click(`${figure} .chart-table summary`);
    assert.match(await page.textContent(`${figure} caption`), /\(your scenario\)$/);
    const rotation = Number(await page.$eval('input[name="rotation"]', (i) => i.value));
    const tiedUp = (60_000 * rotation).toLocaleString("en-GB");
    const rows = await tableRows(page, figure);
    // Columns: figure, value, what it counts, kind, year, source, note.
    assert.ok(rows.some((r) => r[0].startsWith("Tied up") && r[1] === tiedUp && r[3] === "scenario"), JSON.stringify(rows));
    assert.ok(rows.every((r) => r.length === 7 && r[2].length > 0 && r[5].length > 0), "every row keeps what it counts and its source");
    // The CSV files are the static page's: the link says so while the table shows another scenario,
    // and a second link gives the reader's scenario as CSV, the same rows as the table.
    assert.equal(await page.textContent(`${figure} .chart-data a`), "Download the starting data (CSV)");
    assert.equal(await page.getAttribute(`${figure} .chart-data a`, "href"), "www/static/force-scenario.csv");
    const yours = `${figure} .chart-data [data-yours] a`;
    assert.ok(await page.isVisible(yours));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(yours)]);
    assert.equal(download.suggestedFilename(), "force-scenario-your-scenario.csv");
    const csv = readFileSync(await download.path(), "utf8").trim().split("\n");
    assert.equal(csv[0], "id,label,value_from,value,bound,value_as_shown,unit,measure,kind,year,source,note");
    assert.equal(csv.length - 1, rows.length, "a line for each row of the table");
    const tiedUpLine = csv.find((line) => line.includes("Tied up"));
    assert.ok(tiedUpLine && tiedUpLine.includes(String(60_000 * rotation)) && tiedUpLine.includes(",scenario,"), tiedUpLine);
    await setForce(30_000);
    assert.match(await page.textContent(`${figure} caption`), /\(as the page opens\)$/);
    assert.deepEqual(await tableRows(page, figure), opened);
    assert.equal(await page.textContent(`${figure} .chart-data a`), "Download the data (CSV)");
    assert.ok(await page.isHidden(yours), "no scenario file while the table shows the page's own");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** The cells of a figure's data table, row by row. */
function tableRows(page, figure) {
  return page.$$eval(`${figure} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
}

test("while the slider is dragged, the words on the page follow each step; a chart out of view is drawn once scrolled to, the tables and labels once let go", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000, height: 900 });
  try {
    await chartStates(page);
    // The troop-share chart's takeaway shows once its guess is skipped.
    await skipGuesses(page);
    const pixels = (chart) =>
      page.$eval(`figure[data-chart="${chart}"] canvas`, (canvas) => {
        const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        let hash = 0;
        for (let i = 0; i < data.length; i += 7) hash = (hash * 31 + data[i]) | 0;
        return hash;
      });
    const troopsDrawn = await pixels("troop-share");
    const caption = 'figure[data-chart="force-scenario"] caption';
    const opened = await page.textContent(caption);
    const described = 'figure[data-chart="force-scenario"] [data-description]';
    const description = await page.textContent(described);
    await page.evaluate(() => document.querySelector('input[name="force"]').scrollIntoView({ block: "start" }));
    const box = await page.locator('input[name="force"]').boundingBox();
    const [value, min, max] = await page.$eval('input[name="force"]', (i) => [+i.value, +i.min, +i.max]);
    const y = box.y + box.height / 2;
    const at = (f) => box.x + 8 + f * (box.width - 16);
    await page.mouse.move(at((value - min) / (max - min)), y);
    await page.mouse.down();
    await page.mouse.move(at(0.6), y, { steps: 10 });
    const force = await page.textContent('output[data-output="force"]');
    const says = (selector, f) => page.waitForFunction(([s, f]) => document.querySelector(s).textContent.toLowerCase().includes(`a force of ${f}`), [selector, f]);
    const inView = (selector) => page.$eval(selector, (s) => s.getBoundingClientRect().bottom > 0 && s.getBoundingClientRect().top < innerHeight);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Every sentence a reader can see says the number the slider shows: none lags behind. The
    // chart's own takeaway and the article's sentence, both above the screen with the slider at
    // its top, wait; each, scrolled to while the thumb is held, follows at once.
    const sentences = ['figure[data-chart="force-scenario"] [data-takeaway]', '[data-sentence="force-scenario"]'];
    for (const sentence of sentences) {
      assert.equal(await inView(sentence), false, `${sentence} is out of view`);
      assert.ok(!(await page.textContent(sentence)).includes(`A force of ${force}`), `out of view, ${sentence} waits`);
    }
    for (const sentence of sentences) {
      await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: "center" }), sentence);
      await says(sentence, force);
      await page.evaluate(() => document.querySelector('input[name="force"]').scrollIntoView({ block: "start" }));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // What is not read on the page waits for the drag: the closed table, the closed
    // description, and the troop-share chart two screens below, its drawing and its words.
    assert.equal(await page.textContent(caption), opened, "the closed table waits");
    assert.equal(await page.textContent(described), description, "the closed description waits");
    assert.equal(await pixels("troop-share"), troopsDrawn, "out of view, the troop-share chart is not drawn yet");
    const troopWords = 'figure[data-chart="troop-share"] [data-takeaway]';
    assert.ok(!(await page.textContent(troopWords)).toLowerCase().includes(`a force of ${force}`), "out of view, its words wait");
    // Scrolled to while the thumb is held, it is drawn for the scenario of now, and says it.
    await page.evaluate(() => document.querySelector('figure[data-chart="troop-share"]').scrollIntoView({ block: "start" }));
    for (let tries = 0; (await pixels("troop-share")) === troopsDrawn; tries += 1) {
      assert.ok(tries < 100, "the troop-share chart is drawn once in view");
      await page.waitForTimeout(50);
    }
    await says(troopWords, force);
    // Let go: everything follows; the closed table as it is opened.
    await page.mouse.up();
    await page.waitForFunction(([d, was]) => document.querySelector(d).textContent !== was, [described, description]);
    assert.equal(await page.textContent(caption), opened, "closed, the table still waits");
    await page.click('figure[data-chart="force-scenario"] .chart-table summary');
    assert.notEqual(await page.textContent(caption), opened, "opened, the table shows the scenario");
    // The address follows a moment after the thumb is let go.
    await page.waitForURL(new RegExp(`force=${force.replace(/,/g, "")}`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a slider step rewrites its words in place, the number beside the slider and the takeaway of the map in view: they change, and no node is replaced for the browser to style again", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000, height: 900 });
  try {
    await chartStates(page);
    const output = 'output[data-output="force"]';
    const takeaway = 'figure[data-chart="who-sends"] [data-takeaway]';
    // The map's takeaway in view (written at each step of a drag), the slider above the screen.
    await page.evaluate(() => document.querySelector('figure[data-chart="who-sends"]').scrollIntoView({ block: "start" }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const before = { output: await page.textContent(output), takeaway: await page.textContent(takeaway) };
    const seen = await page.evaluate(async (selectors) => {
      const watched = selectors.map((s) => document.querySelector(s));
      const kinds = watched.map(() => new Set());
      const watches = watched.map((element, i) => {
        const watch = new MutationObserver((records) => records.forEach((r) => kinds[i].add(r.type)));
        watch.observe(element, { childList: true, characterData: true, subtree: true });
        return watch;
      });
      const slider = document.querySelector('input[name="force"]');
      for (const step of [10, 20, 30]) {
        slider.value = String(Number(slider.value) + step * Number(slider.step || 1000));
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      await Promise.resolve();
      watches.forEach((w) => w.disconnect());
      return { kinds: kinds.map((k) => [...k]), nodes: watched.map((e) => e.childNodes.length), slider: slider.value };
    }, [output, takeaway]);
    const after = { output: await page.textContent(output), takeaway: await page.textContent(takeaway) };
    assert.notEqual(after.output, before.output, "the number follows the slider");
    assert.equal(after.output.replace(/\D/g, ""), seen.slider, "it says the slider's value");
    assert.notEqual(after.takeaway, before.takeaway, "the map's takeaway follows the slider");
    assert.deepEqual(seen.kinds, [["characterData"], ["characterData"]], "their words changed in place");
    assert.deepEqual(seen.nodes, [1, 1], "one text node each still");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("dragged back over a stretch it has crossed, the slider has the browser measure next to no words: the widths of the chart's words and numbers are remembered", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000, height: 900 });
  try {
    await chartStates(page);
    await page.evaluate(() => document.querySelector('input[name="force"]').scrollIntoView({ block: "start" }));
    const measured = await page.evaluate(async () => {
      let count = 0;
      const said = [];
      const measure = CanvasRenderingContext2D.prototype.measureText;
      CanvasRenderingContext2D.prototype.measureText = function (...words) {
        count += 1;
        said.push(words[0]);
        return measure.apply(this, words);
      };
      const slider = document.querySelector('input[name="force"]');
      const step = Number(slider.step || 1000);
      const sweep = async () => {
        const from = count;
        for (let i = 0; i <= 80; i += 1) {
          // There and back over 40 steps from 20,000, a step per frame.
          slider.value = String(20000 + step * (i <= 40 ? i : 80 - i));
          slider.dispatchEvent(new Event("input", { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        }
        return count - from;
      };
      const first = await sweep();
      const again = await sweep();
      CanvasRenderingContext2D.prototype.measureText = measure;
      return { first, again, words: said.slice(said.length - again) };
    });
    // The chart in view writes several numbers a step (each army's troops, each share), new to
    // the first sweep.
    assert.ok(measured.first > 2 * Math.max(measured.again, 20), `the first sweep measures the new numbers (${measured.first} words)`);
    // (A word can still be pushed out by two others that share its place in the memory.)
    assert.ok(measured.again <= 20, `the second sweep measures next to nothing: ${measured.again} words over 81 steps (${measured.words.join(" ")})`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("on a phone many times slower, every chart in view follows each step of a drag, however long each takes to draw", async () => {
  // The force's chart at the top of the screen, and the map of who would send it below.
  const { page, context } = await open(shared.browser, shared.server.url, { width: 1000, height: 2400 });
  try {
    await chartStates(page);
    await page.evaluate(() => document.querySelector('figure[data-chart="force-scenario"]').scrollIntoView({ block: "start" }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
    // A redraw of the force's chart alone is over a frame's drawing budget at this speed.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 60 });
    const steps = 5;
    const { inView, redraws } = await page.evaluate(async (steps) => {
      const program = await import(new URL("www/pkg/reassurance_force.js", document.baseURI));
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      program.recordRedraws(true);
      performance.clearMeasures();
      const force = document.querySelector('input[name="force"]');
      // One step a frame, as a finger moves a slider.
      for (let i = 0; i < steps; i += 1) {
        force.value = String(Number(force.value) + Number(force.step || 1000));
        force.dispatchEvent(new Event("input", { bubbles: true }));
        await frame();
      }
      program.recordRedraws(false);
      const redraws = {};
      for (const m of performance.getEntriesByType("measure")) {
        if (m.name.startsWith("chart-redraw ")) redraws[m.name.slice(13)] = (redraws[m.name.slice(13)] || 0) + 1;
      }
      const onScreen = (f) => {
        const r = f.querySelector(".chart-frame").getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      };
      return { inView: [...document.querySelectorAll("figure[data-chart]")].filter(onScreen).map((f) => f.dataset.chart), redraws };
    }, steps);
    assert.deepEqual(inView, ["force-scenario", "who-sends"], "the two charts on screen");
    assert.deepEqual(redraws, { "force-scenario": steps, "who-sends": steps }, "each chart on screen, at every step, and no other");
  } finally {
    await context.close();
  }
});
