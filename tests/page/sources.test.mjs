// Every figure of the story drawn, its data downloadable as CSV that matches what the chart
// says, and every checked number in the text linked to its claim entry and back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { servedPage, open, chartStates, inkedPixels, CHART_SLUGS, CLAIM_COUNT, skipGuesses } from "./browser.mjs";

const shared = servedPage({ before, after });

/** Parses CSV with quoted cells ("" for a quote inside). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

test("every chart of the story is drawn, with ink, a source line and a CSV link", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    const states = await chartStates(page);
    assert.equal(Object.keys(states).length, CHART_SLUGS.length);
    for (const [chart, state] of Object.entries(states)) {
      assert.equal(state, "drawn", chart);
      const ink = await inkedPixels(page, `figure[data-chart="${chart}"] canvas`);
      assert.ok(ink > 2000, `${chart}: ${ink} inked pixels`);
      assert.match(await page.textContent(`figure[data-chart="${chart}"] .chart-source`), /^Sources?: /);
      assert.equal(await page.getAttribute(`figure[data-chart="${chart}"] .chart-data a`, "href"), `www/static/${chart}.csv`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("each CSV download parses, and its rows are the chart's values, in the chart's order", async () => {
  const { page, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    const states = await chartStates(page);
    await skipGuesses(page);
    for (const chart of Object.keys(states)) {
      const response = await page.request.get(`${shared.server.url}www/static/${chart}.csv`);
      assert.equal(response.status(), 200, chart);
      const [header, ...rows] = parseCsv(await response.text());
      assert.deepEqual(header, ["id", "label", "value_from", "value", "bound", "value_as_shown", "unit", "measure", "kind", "year", "source", "note"]);
      assert.ok(rows.length >= 2, `${chart}: ${rows.length} rows`);
      for (const row of rows) {
        assert.equal(row.length, header.length, `${chart}: ${row}`);
        assert.ok(row[10].length > 0, `${chart}: a source for ${row[0]}`);
        assert.ok(row[7].length > 0, `${chart}: what ${row[0]} counts`);
        for (const number of [row[2], row[3]]) {
          if (number !== "") assert.ok(Number.isFinite(Number(number)), `${chart}: ${number}`);
        }
        assert.ok(["", "at least", "at most"].includes(row[4]), `${chart}: bound ${row[4]}`);
      }
      // Read the chart bar by bar with the keyboard and compare with the CSV, row by row.
      await page.focus(`figure[data-chart="${chart}"] canvas`);
      for (const [i, row] of rows.entries()) {
        await page.keyboard.press(i === 0 ? "Home" : "ArrowRight");
        const said = await page.textContent(`figure[data-chart="${chart}"] [data-live]`);
        // An annotation's words often give its value already: then they are not followed by it.
        // On entering a panel, its name is said first; every point ends with its place.
        const head = said.includes(`${row[1]}: ${row[5]}`) || (row[0].startsWith("annotation.") && said.includes(`${row[1]}.`));
        assert.ok(said.endsWith(` ${i + 1} of ${rows.length}.`) || said.endsWith(`${rows.length} of ${rows.length}, the last.`), `${chart} bar ${i}: “${said}” says its place`);
        assert.ok(head, `${chart} bar ${i}: “${said}” against CSV “${row[1]}: ${row[5]}”`);
        assert.ok(said.includes(`Measure: ${row[7]}.`), `${chart} bar ${i}: “${said}” says what it counts`);
      }
    }
  } finally {
    await context.close();
  }
});

test("every checked number links to its claim entry, and each entry links back", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const claims = await page.$$eval("li.claim", (items) =>
      items.map((li) => ({
        id: li.id,
        verdict: li.dataset.verdict,
        words: li.querySelector(".verdict").textContent,
      })),
    );
    assert.equal(claims.length, CLAIM_COUNT);
    for (const claim of claims) {
      assert.match(claim.verdict, /^(consistent|inconsistent|not-comparable|depends|no-trace)$/);
      const key = claim.id.replace(/^claim-/, "");
      const link = page.locator(`a#text-${key}`);
      assert.equal(await link.getAttribute("href"), `#${claim.id}`, `a link to ${claim.id} in the text`);
      await link.click();
      assert.ok(page.url().endsWith(`#${claim.id}`));
      assert.ok(await page.locator(`#${claim.id}`).isVisible());
      // Beside its verdict, each claim says why in a line of its own, on screen.
      const reason = page.locator(`#${claim.id} .claim-reason`);
      assert.ok(await reason.isVisible(), `${claim.id} shows its reason`);
      assert.ok((await reason.innerText()).length > 30, `${claim.id}: ${await reason.innerText()}`);
      // A computed verdict states its tolerance and why, on screen.
      if (/^(consistent|inconsistent)$/.test(claim.verdict)) {
        const tolerance = page.locator(`#${claim.id} .claim-tolerance`);
        assert.ok(await tolerance.first().isVisible(), `${claim.id} states its tolerance`);
        assert.match(await tolerance.first().innerText(), /^Tolerance: .+: .+/);
      }
      assert.ok(await page.evaluate((id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      }, claim.id), `${claim.id} is scrolled into view`);
      await page.locator(`#${claim.id} .claim-back a`).click();
      assert.ok(page.url().endsWith(`#text-${key}`));
    }
    const verdicts = Object.fromEntries(claims.map((c) => [c.id, c.words]));
    assert.equal(verdicts["claim-delegations-growth"], "inconsistent");
    assert.equal(verdicts["claim-share-of-nato"], "consistent");
    assert.equal(verdicts["claim-ironclad"], "no public trace");
    // Fleet counts and a fleet target cannot confirm counts of ready tanks and aircraft.
    assert.equal(verdicts["claim-german-tanks"], "not comparable");
    assert.equal(verdicts["claim-french-aircraft"], "not comparable");
    // Poland's +12% is shown under both measures it may mean, each with its own verdict.
    assert.equal(verdicts["claim-poland-growth"], "depends on the measure");
    // Read once the entry is on screen, as a reader meets it.
    await page.locator("#claim-poland-growth").scrollIntoViewIfNeeded();
    const poland = await page.$$eval("#claim-poland-growth .claim-readings > li", (items) =>
      items.map((li) => ({ measure: li.dataset.measure, verdict: li.querySelector(".verdict").textContent, text: li.textContent })),
    );
    assert.deepEqual(poland.map((r) => r.measure), ["ministry_budget_growth", "defence_spending_total_growth"]);
    assert.match(poland[0].text, /defence ministry's budget/);
    assert.match(poland[1].text, /total defence spending/);
    for (const reading of poland) assert.match(reading.text, /Tolerance: within 2 percentage points/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
