// Reading a chart without seeing it, or without a mouse: each chart tells how to explore it,
// in words on the page and as the chart's own description; assistive technology is handed the
// arrow keys (an application with a role description); the keys go point by point and panel by
// panel, and each point is said with its place, its panel on entering one, and the chart's end.
// The takeaway is said once per figure.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { servedPage, open, chartStates, CHART_SLUGS, skipGuesses } from "./browser.mjs";
import { accessibilityTree } from "./accessible_names.mjs";

const shared = servedPage({ before, after });

test("each chart is an interactive chart named by its heading and described by a visible hint", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 375 });
  try {
    await chartStates(page);
    for (const slug of CHART_SLUGS) {
      const figure = `figure[data-chart="${slug}"]`;
      const canvas = await page.$eval(`${figure} canvas`, (c) => ({
        role: c.getAttribute("role"),
        kind: c.getAttribute("aria-roledescription"),
        label: document.getElementById(c.getAttribute("aria-labelledby"))?.textContent,
        hint: document.getElementById(c.getAttribute("aria-describedby")),
        tab: c.tabIndex,
      }));
      const title = await page.textContent(`${figure} .chart-title`);
      assert.deepEqual([canvas.role, canvas.kind, canvas.label, canvas.tab], ["application", "interactive chart", title, 0], slug);
      const hint = page.locator(`${figure} [data-hint]`);
      assert.ok(await hint.isVisible(), `${slug}: the hint is shown`);
      const words = await hint.textContent();
      assert.equal(await page.$eval(`${figure} canvas`, (c) => c.getAttribute("aria-describedby")), await hint.getAttribute("id"));
      assert.match(words, /^Point at a (bar|part|country|line) or tap it\. Keys: Tab to the chart, then Left and Right go through its (bars|parts|countries|lines)/, slug);
      assert.match(words, /Home and End to the ends; Escape closes the tooltip\.$/, slug);
    }
    // The unit chart has parts, not bars, and one panel; the force chart has two panels.
    assert.match(await page.textContent('figure[data-chart="intelligence"] [data-hint]'), /through its parts, Home/);
    assert.match(await page.textContent('figure[data-chart="force-scenario"] [data-hint]'), /through its bars, Up and Down panel by panel/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("without JavaScript no hint offers keys that do nothing", async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(shared.server.url);
    assert.equal(await page.locator("[data-hint]:visible").count(), 0);
  } finally {
    await context.close();
  }
});

test("the keys read the chart point by point and panel by panel, with each point's place and the end", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    await skipGuesses(page);
    const figure = 'figure[data-chart="troop-share"]';
    const said = () => page.textContent(`${figure} [data-live]`);
    const panels = await page.$$eval(`${figure} .chart-table tbody tr`, (rows) => rows.length);
    await page.focus(`${figure} canvas`);
    await page.keyboard.press("ArrowRight");
    const first = await said();
    assert.match(first, /^The 30,000 force as a share of active personnel\. The article: “less than 3%”\./, first);
    assert.match(first, new RegExp(` 1 of ${panels}\\.$`), first);
    // Down goes to the next panel's first point and names the panel.
    await page.keyboard.press("ArrowDown");
    const next = await said();
    assert.match(next, /^The largest armies of NATO's European members, and the proposed force\. Türkiye: 481,000/, next);
    await page.keyboard.press("ArrowUp");
    assert.match(await said(), /^The 30,000 force as a share of active personnel\./);
    await page.keyboard.press("End");
    assert.match(await said(), new RegExp(`${panels} of ${panels}, the last\\.$`));
    await page.keyboard.press("ArrowRight");
    assert.match(await said(), /the end of the chart\.$/);
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowLeft");
    assert.match(await said(), /the start of the chart\.$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a figure says its takeaway once: as its caption's text, not again as a name or a description", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1280 });
  try {
    await chartStates(page);
    await skipGuesses(page);
    const takeaways = await page.$$eval("figure[data-chart] [data-takeaway]", (ps) => ps.map((p) => p.textContent.trim()));
    assert.equal(takeaways.length, CHART_SLUGS.length);
    const nodes = await accessibilityTree(page);
    // What a screen reader says of the page: the running text (each paragraph's text nodes;
    // not their line boxes, which repeat it), every other name, and every description.
    const said = [];
    for (const node of nodes) {
      if (node.ignored) continue;
      const role = node.role?.value ?? "";
      if (!["InlineTextBox", "paragraph", "generic", "none", "LineBreak"].includes(role)) said.push(node.name?.value ?? "");
      said.push(node.description?.value ?? "");
    }
    // The article may quote a chart's sentence in its own paragraph (outside the figure): that
    // is the article's text, said once more, not the figure's.
    const quoted = await page.$$eval("[data-sentence]", (ss) => ss.map((s) => s.textContent.trim()));
    for (const takeaway of takeaways) {
      const times = said.reduce((n, words) => n + words.split(takeaway).length - 1, 0);
      const inArticle = quoted.filter((q) => q.includes(takeaway)).length;
      assert.equal(times, 1 + inArticle, `said ${times} times: ${takeaway}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a slider change and a radio change each say the changed charts' takeaways once, in their controls' live region", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const force = 'form[aria-label="Your scenario"]';
    const budgets = 'form[aria-label="How the budgets are shown"]';
    const said = (form) => page.textContent(`${form} [data-said]`);
    const takeaway = (slug) => page.textContent(`figure[data-chart="${slug}"] [data-takeaway]`);
    const title = (slug) => page.textContent(`figure[data-chart="${slug}"] .chart-title`);
    const once = (words, part) => words.split(part).length - 1;
    // The outputs beside the sliders are not live: the slider says its value, with its unit.
    assert.deepEqual(await page.$$eval("output[data-output]", (os) => os.map((o) => o.getAttribute("aria-live"))), ["off", "off"]);
    assert.equal(await page.getAttribute('input[name="force"]', "aria-valuetext"), "30,000 troops");
    assert.equal(await page.getAttribute('input[name="rotation"]', "aria-valuetext"), "3 units committed for each one deployed");

    await page.focus('input[name="force"]');
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((f) => document.querySelector(`${f} [data-said]`).textContent !== "", force);
    assert.equal(await page.getAttribute('input[name="force"]', "aria-valuetext"), "31,000 troops");
    const afterSlider = await said(force);
    for (const slug of ["force-scenario", "troop-share"]) {
      const words = `${await title(slug)}: ${await takeaway(slug)}`;
      assert.equal(once(afterSlider, words), 1, `${slug} said once: ${afterSlider}`);
    }
    assert.equal(await said(budgets), "", "the budgets' controls stay silent");

    // A budgets radio: the budgets chart is said, in the budgets' controls; the force's words stay.
    await page.click(`${budgets} input[name="currency"][value="usd"]`);
    await page.waitForFunction((f) => document.querySelector(`${f} [data-said]`).textContent !== "", budgets);
    const afterRadio = await said(budgets);
    assert.equal(once(afterRadio, `${await title("budgets")}: ${await takeaway("budgets")}`), 1, afterRadio);
    assert.equal(once(afterRadio, await title("force-scenario")), 0, afterRadio);
    assert.equal(await said(force), afterSlider);

    // Sharing changes the force chart alone: the troop-share chart, unchanged, is not said.
    await page.click(`${force} input[name="share"][value="personnel"]`);
    await page.waitForFunction(([f, was]) => document.querySelector(`${f} [data-said]`).textContent !== was, [force, afterSlider]);
    const afterShare = await said(force);
    assert.equal(once(afterShare, `${await title("force-scenario")}: ${await takeaway("force-scenario")}`), 1, afterShare);
    assert.equal(once(afterShare, await title("troop-share")), 0, afterShare);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a tooltip stays while the pointer moves onto it, never covers its bar's row, and goes when the pointer leaves both", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const figure = 'figure[data-chart="troop-share"]';
    await page.locator(`${figure} canvas`).scrollIntoViewIfNeeded();
    const canvas = await page.locator(`${figure} canvas`).boundingBox();
    const tip = page.locator(`${figure} .chart-tooltip`);
    // Over the middle of the chart, a bar's row: its tooltip shows.
    const at = { x: canvas.x + 60, y: canvas.y + canvas.height * 0.55 };
    await page.mouse.move(at.x, at.y);
    await tip.waitFor({ state: "visible" });
    const words = await tip.textContent();
    const box = await tip.boundingBox();
    assert.ok(box.y + box.height <= at.y, "the tooltip stands above the point it describes");
    // Onto the tooltip, in a few steps: it stays, with the same words.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    assert.ok(await tip.isVisible(), "still shown with the pointer on it");
    assert.equal(await tip.textContent(), words);
    // Away from both, below the chart: it goes.
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height + 120);
    await tip.waitFor({ state: "hidden" });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
