// What assistive technology is handed, read as the browser's accessibility snapshot of each
// part (Playwright's aria snapshot: roles, names and text, as a screen reader meets them): each
// figure names itself by its heading, says its takeaway once and offers its chart as an
// interactive chart with a hint; the keys say each point with its place; a control's change is
// said once, in its own form, with the changed chart's new takeaway.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { servedPage, open, chartStates, CHART_SLUGS } from "./browser.mjs";

const shared = servedPage({ before, after });

/** How many times `part` occurs in `text`. */
const times = (text, part) => text.split(part).length - 1;

/** The snapshot's text with YAML's quoting undone, so that sentences compare as written: an
 * entry quoted whole ('- \'figure "A: b"\':') unquoted, escaped quotes unescaped. */
const plain = (snapshot) =>
  snapshot
    .split("\n")
    .map((line) => line.replace(/^(\s*- )'(.*)'(:?)$/, (_, dash, inner, colon) => `${dash}${inner.replace(/''/g, "'")}${colon}`))
    .join("\n")
    .replace(/\\"/g, '"');

test("each figure, as a screen reader meets it: named by its heading, its takeaway once, its chart an interactive chart with a hint", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 375 });
  try {
    await chartStates(page);
    for (const slug of CHART_SLUGS) {
      const figure = page.locator(`figure[data-chart="${slug}"]`);
      const title = (await page.textContent(`figure[data-chart="${slug}"] .chart-title`)).trim();
      const takeaway = (await page.textContent(`figure[data-chart="${slug}"] [data-takeaway]`)).trim();
      // A chart that asks the reader to guess first keeps its takeaway, which gives the answer,
      // until they have guessed or skipped; its question is said instead.
      const question = await page.$(`figure[data-chart="${slug}"] .guess-question`);
      if (question) {
        const asked = plain(await figure.ariaSnapshot());
        assert.equal(times(asked, takeaway), 0, `${slug}: the takeaway is said before the guess`);
        assert.ok(times(asked, (await question.textContent()).trim()) >= 1, `${slug}: the question is not said`);
        await page.click(`figure[data-chart="${slug}"] [data-skip]`);
      }
      const snapshot = plain(await figure.ariaSnapshot());
      const lines = snapshot.split("\n").map((l) => l.trim());
      assert.ok(lines[0].startsWith(`- figure "${title}"`), `${slug}: ${lines[0]}`);
      assert.ok(lines.includes(`- heading "${title}" [level=2]`), `${slug}: no heading`);
      assert.ok(lines.includes(`- application "${title}"`), `${slug}: the chart is not an application named by its heading`);
      assert.equal(times(snapshot, takeaway), 1, `${slug}: the takeaway is said ${times(snapshot, takeaway)} times`);
      assert.ok(
        lines.some((l) => /^- paragraph: "?Point at a (bar|part|country|line) or tap it\. Keys: Tab to the chart/.test(l)),
        `${slug}: no hint among the figure's words`,
      );
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the keys, as a screen reader hears them: each point with its panel on entering it, its place, and the ends", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const figure = 'figure[data-chart="force-scenario"]';
    const region = page.locator(`${figure} [data-live]`);
    const heard = async () => plain(await region.ariaSnapshot());
    const rows = await page.$$eval(`${figure} .chart-table tbody tr`, (trs) => trs.length);
    await page.focus(`${figure} canvas`);
    await page.keyboard.press("ArrowRight");
    const first = await heard();
    assert.match(first, /Share of each army tied up/, first);
    assert.match(first, new RegExp(`1 of ${rows}\\.`), first);
    await page.keyboard.press("ArrowDown");
    const next = await heard();
    assert.match(next, /The phased build-up/, `entering a panel names it: ${next}`);
    await page.keyboard.press("End");
    assert.match(await heard(), new RegExp(`${rows} of ${rows}, the last\\.`));
    await page.keyboard.press("ArrowRight");
    assert.match(await heard(), /the end of the chart\./);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a slider change and a radio change are each said once, in their own form, with the changed chart's new takeaway", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const force = page.locator('form[aria-label="Your scenario"]');
    const budgets = page.locator('form[aria-label="How the budgets are shown"]');
    const takeaway = async (slug) => (await page.textContent(`figure[data-chart="${slug}"] [data-takeaway]`)).trim();
    const title = async (slug) => (await page.textContent(`figure[data-chart="${slug}"] .chart-title`)).trim();
    // Ten steps of the slider in quick succession: said once, when they settle.
    await page.evaluate(() => {
      window.saidTimes = 0;
      const region = document.querySelector('form[aria-label="Your scenario"] [data-said]');
      new MutationObserver(() => {
        if (region.textContent !== "") window.saidTimes += 1;
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await page.focus('input[name="force"]');
    for (let i = 0; i < 10; i += 1) await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.querySelector('form[aria-label="Your scenario"] [data-said]').textContent !== "");
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    assert.equal(await page.evaluate(() => window.saidTimes), 1, "ten quick steps said once");
    const forceSaid = plain(await force.ariaSnapshot());
    for (const slug of ["force-scenario", "troop-share"]) {
      const words = `${await title(slug)}: ${await takeaway(slug)}`;
      assert.equal(times(forceSaid, words), 1, `${slug}: ${forceSaid}`);
    }
    // The slider's own value, with its unit, is what it says of itself.
    assert.equal(await page.getAttribute('input[name="force"]', "aria-valuetext"), "40,000 troops");
    assert.doesNotMatch(plain(await budgets.ariaSnapshot()), /: A /, "the budgets' form says nothing of the force");
    await page.click('form[aria-label="How the budgets are shown"] input[name="currency"][value="usd"]');
    await page.waitForFunction(() => document.querySelector('form[aria-label="How the budgets are shown"] [data-said]').textContent !== "");
    const budgetsSaid = plain(await budgets.ariaSnapshot());
    assert.equal(times(budgetsSaid, `${await title("budgets")}: ${await takeaway("budgets")}`), 1, budgetsSaid);
    assert.equal(times(budgetsSaid, await title("force-scenario")), 0, budgetsSaid);
    // The whole page says each new takeaway once in a live region (the figure's caption, which a
    // reader moves to, is not live).
    const page_ = plain(await page.locator("main").ariaSnapshot());
    assert.equal(times(page_, `${await title("budgets")}: ${await takeaway("budgets")}`), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
