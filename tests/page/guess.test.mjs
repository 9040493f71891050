// Guess first, then see: a reader guesses a chart's key number (typed, stepped with the keys or
// dragged along its row), and sees the answer beside the guess with a sentence comparing them;
// or skips in one click. Nothing of the guess leaves the page; without JavaScript the answer
// simply shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { servedPage, open, chartStates, canvasDigest } from "./browser.mjs";

const shared = servedPage({ before, after });
const FIGURES = JSON.parse(readFileSync(new URL("../../www/data/figures.json", import.meta.url), "utf8"));
const value = (id) => FIGURES.figures.find((f) => f.id === id).value;
const guessed = FIGURES.charts.filter((c) => c.guess).map((c) => c.slug);

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

const visible = (page, selector) => page.isVisible(selector);

test("the page asks for guesses at two or three of its key numbers", () => {
  assert.ok(guessed.length >= 2 && guessed.length <= 3, `${guessed}`);
});

test("a guess made with the keyboard alone is shown on the chart, then revealed beside the answer with a sentence that compares them", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  const sent = [];
  page.on("request", (r) => sent.push(r.url() + " " + (r.postData() || "")));
  try {
    await chartStates(page);
    const chart = 'figure[data-chart="troop-share"]';
    // While the reader guesses, what would give the answer away is not shown or said.
    assert.ok(await visible(page, `${chart} form[data-guess]`), "the guess's form shows");
    assert.ok(!(await visible(page, `${chart} [data-takeaway]`)), "the takeaway waits for the answer");
    assert.equal(await page.getAttribute(chart, "aria-describedby"), "troop-share-question");
    assert.deepEqual(await axeViolations(page), []);
    // From the chart before it, Tab alone reaches the guess.
    await page.focus('figure[data-chart="industry"] canvas');
    for (let presses = 0; (await page.evaluate(() => document.activeElement?.id)) !== "troop-share-guess"; presses += 1) {
      assert.ok(presses < 30, "the guess is reached by Tab");
      await page.keyboard.press("Tab");
    }
    for (let i = 0; i < 5; i += 1) await page.keyboard.press("ArrowUp");
    const guess = Number(await page.inputValue("#troop-share-guess"));
    assert.ok(guess > 0, `the keys set a guess (${guess})`);
    assert.deepEqual(await axeViolations(page), [], "a guess set, not yet sent");
    // The chart shows the guess: its description, written from what it draws, gives it.
    await page.waitForFunction(
      (g) => document.querySelector("#troop-share-description").textContent.includes(`${g}%`),
      guess,
    );
    const share = (value("force.proposed") / value("personnel.nato")) * 100;
    const answer = `${share.toFixed(2)}%`;
    await page.focus("#troop-share-guess");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector('figure[data-chart="troop-share"] [data-guess-line]').textContent !== "");
    const side = guess < share - 0.05 ? "too low" : guess > share + 0.05 ? "too high" : "about right";
    assert.equal(
      await page.textContent(`${chart} [data-guess-line]`),
      `Your guess, ${guess}%, is ${side}: the answer is ${answer}.`,
    );
    // The line is a live region: a screen reader says it.
    assert.equal(await page.getAttribute(`${chart} [data-guess-line]`, "role"), "status");
    // The answer shows, takes the keyboard's focus, and the chart draws both (its description
    // names the answer and the guess).
    assert.ok(await visible(page, `${chart} [data-takeaway]`));
    assert.equal(await page.evaluate(() => document.activeElement?.id), "troop-share-takeaway");
    assert.ok(!(await visible(page, `${chart} input[name="guess"]`)), "the guess is set");
    await page.waitForFunction((g) => document.querySelector("#troop-share-description").textContent.includes(`Your guess, at ${g}%`), guess);
    // Read with the keyboard, the chart gives the answer, and the guess right after it.
    await page.focus(`${chart} canvas`);
    const read = [];
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press("ArrowRight");
      read.push(await page.textContent(`${chart} [data-live]`));
    }
    const truthAt = read.findIndex((r) => r.includes(`: ${answer}`));
    assert.ok(truthAt >= 0, `the answer is read: ${read.join(" | ")}`);
    assert.match(read[truthAt + 1], new RegExp(`^Your guess: ${guess}%`));
    assert.equal(await page.getAttribute(chart, "aria-describedby"), "troop-share-description");
    assert.deepEqual(await axeViolations(page), []);
    // The answer follows the reader's force, and so does the sentence that compares it.
    await page.evaluate(() => {
      const force = document.querySelector('input[name="force"]');
      force.value = "60000";
      force.dispatchEvent(new Event("input", { bubbles: true }));
      force.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const larger = `${((60000 / value("personnel.nato")) * 100).toFixed(2)}%`;
    await page.waitForFunction(
      ([line, a]) => document.querySelector(line).textContent.endsWith(`the answer is ${a}.`),
      [`${chart} [data-guess-line]`, larger],
    );
    // The guess stays in the page: not in the link, not in storage, not in any request.
    await page.waitForFunction(() => location.search === "?force=60000");
    assert.equal(await page.evaluate(() => location.hash), "");
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, ""]);
    assert.deepEqual(sent.filter((s) => s.includes(String(guess)) || s.includes("guess")), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a guess is dragged along its row on the chart; skipping shows the answer in one click, with no comparison", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const chart = 'figure[data-chart="geography"]';
    const canvas = `${chart} canvas`;
    await page.locator(canvas).scrollIntoViewIfNeeded();
    const box = await page.locator(canvas).boundingBox();
    // The guess's row is found as a reader finds it: by pointing down the chart until the
    // tooltip names the guess.
    const ys = [];
    for (let y = box.y + 4; y < box.y + box.height; y += 4) {
      await page.mouse.move(box.x + 20, y);
      const tip = await page.textContent(`${chart} .chart-tooltip`);
      if ((await visible(page, `${chart} .chart-tooltip`)) && tip.toLowerCase().includes("your guess")) ys.push(y);
    }
    assert.ok(ys.length > 0, "the guess has a row on the chart");
    // Its middle, clear of the tooltip that stands over its top edge.
    const row = (ys[0] + ys[ys.length - 1]) / 2;
    // Dragged to three places a tenth of the chart apart, the guess follows the pointer along
    // the row's scale: it grows, by equal steps (to the rounding of a guess's step), and the
    // chart draws each.
    const [at, drawn] = [[], []];
    for (const x of [0.3, 0.4, 0.5]) {
      await page.mouse.move(box.x + box.width * 0.1, row);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * x, row, { steps: 4 });
      await page.mouse.up();
      const value = Number(await page.inputValue(`${chart} input[name="guess"]`));
      at.push(value);
      drawn.push(await canvasDigest(page, canvas, 2));
    }
    assert.equal(new Set(drawn).size, 3, "each guess is drawn");
    assert.ok(at[0] > 0 && at[1] > at[0] && at[2] > at[1], `the guess follows the pointer: ${at}`);
    const [first, second] = [at[1] - at[0], at[2] - at[1]];
    assert.ok(Math.abs(first - second) <= Math.max(1, 0.15 * first), `equal moves, equal steps: ${at}`);
    const dragged = at[2];
    await page.mouse.move(box.x + box.width * 0.5, row);
    assert.equal(Number(await page.inputValue(`${chart} input[name="guess"]`)), dragged, "a pointer that only hovers moves nothing");
    // Skip: one click shows the answer, and no comparison is made.
    await page.click(`${chart} [data-skip]`);
    await page.waitForSelector(`${chart}[data-revealed]`);
    assert.ok(await visible(page, `${chart} [data-takeaway]`));
    assert.equal(await page.textContent(`${chart} [data-guess-line]`), "");
    assert.ok(!(await visible(page, `${chart} [data-guess-line]`)));
    // Skipped, the chart's data are the page's own: its table says so, and offers no file of a
    // scenario of the reader's.
    await page.click(`${chart} .chart-table summary`);
    assert.match(await page.textContent(`${chart} caption`), /\(as the page opens\)$/);
    assert.ok(await page.isHidden(`${chart} .chart-data [data-yours]`));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the answer shown before any guess is a skip: the form goes, and nothing is compared", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const chart = 'figure[data-chart="troop-share"]';
    await page.click(`${chart} button[type="submit"]`);
    await page.waitForSelector(`${chart}[data-revealed="skipped"]`);
    assert.ok(!(await visible(page, `${chart} form[data-guess]`)));
    assert.ok(await visible(page, `${chart} [data-takeaway]`));
    assert.equal(await page.textContent(`${chart} [data-guess-line]`), "");
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("without JavaScript there is no guess: the answer simply shows, as the page says it once a guess is skipped", async () => {
  // The answers, as the live page says them once the reader skips each guess.
  const live = await open(shared.browser, shared.server.url, { width: 1000 });
  const answers = {};
  try {
    await chartStates(live.page);
    for (const slug of guessed) {
      await live.page.click(`figure[data-chart="${slug}"] [data-skip]`);
      await live.page.waitForSelector(`figure[data-chart="${slug}"][data-revealed]`);
      answers[slug] = (await live.page.textContent(`figure[data-chart="${slug}"] [data-takeaway]`)).trim();
      assert.match(answers[slug], /\d/, `${slug}: the answer is a number`);
    }
    assert.deepEqual(live.errors, []);
  } finally {
    await live.context.close();
  }
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(shared.server.url, { waitUntil: "load" });
    for (const slug of guessed) {
      assert.ok(!(await visible(page, `figure[data-chart="${slug}"] form[data-guess]`)), slug);
      assert.ok(await visible(page, `figure[data-chart="${slug}"] [data-takeaway]`), slug);
      assert.equal((await page.textContent(`figure[data-chart="${slug}"] [data-takeaway]`)).trim(), answers[slug], slug);
      assert.ok(await visible(page, `figure[data-chart="${slug}"] .chart-fallback`), `${slug}: the static chart shows`);
    }
  } finally {
    await context.close();
  }
});

test("on paper the reader's state prints: the question and their guess, without the buttons; once revealed, the comparison and the chart with both; in dark mode too", async () => {
  const { page, errors, context } = await open(shared.browser, `${shared.server.url}?country=POL`, { width: 1000, colorScheme: "dark" });
  try {
    await chartStates(page);
    const chart = 'figure[data-chart="troop-share"]';
    await page.fill("#troop-share-guess", "2");
    await page.emulateMedia({ media: "print" });
    assert.ok(await visible(page, "#troop-share-question"));
    assert.ok(await visible(page, "#troop-share-guess"), "the guess prints");
    assert.equal(await page.inputValue("#troop-share-guess"), "2");
    assert.ok(!(await visible(page, `${chart} [data-skip]`)));
    await page.emulateMedia({ media: "screen" });
    await page.focus("#troop-share-guess");
    await page.keyboard.press("Enter");
    await page.waitForFunction((c) => document.querySelector(`${c} [data-guess-line]`).textContent !== "", chart);
    assert.deepEqual(await axeViolations(page), [], "revealed, with a country chosen, in dark mode");
    await page.evaluate((c) => {
      addEventListener("beforeprint", () => {
        window.printed = document.querySelector(`${c} [data-description]`).textContent;
      });
    }, chart);
    await page.pdf();
    assert.match(await page.evaluate(() => window.printed), /Your guess, at 2%/, "the paper drawing has the guess");
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    assert.ok(await visible(page, `${chart} [data-guess-line]`), "the comparison prints");
    assert.ok(await visible(page, `${chart} [data-takeaway]`), "the answer prints");
    assert.ok(await visible(page, `${chart} canvas`), "the chart drawn for paper prints");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
