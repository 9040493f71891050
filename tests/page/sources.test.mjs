// Every figure of the story drawn, its data downloadable as CSV that matches what the chart
// says, and every checked number in the text linked to its claim entry and back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { servedPage, open, chartStates, inkedPixels } from "./browser.mjs";

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
    assert.equal(Object.keys(states).length, 8);
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
    for (const chart of Object.keys(states)) {
      const response = await page.request.get(`${shared.server.url}www/static/${chart}.csv`);
      assert.equal(response.status(), 200, chart);
      const [header, ...rows] = parseCsv(await response.text());
      assert.deepEqual(header, ["id", "label", "value", "value_as_shown", "unit", "kind", "year", "source", "note"]);
      assert.ok(rows.length >= 2, `${chart}: ${rows.length} rows`);
      for (const row of rows) {
        assert.equal(row.length, header.length, `${chart}: ${row}`);
        assert.ok(row[7].length > 0, `${chart}: a source for ${row[0]}`);
        if (row[2] !== "") assert.ok(Number.isFinite(Number(row[2])), `${chart}: ${row[2]}`);
      }
      // Read the chart bar by bar with the keyboard and compare with the CSV, row by row.
      await page.focus(`figure[data-chart="${chart}"] canvas`);
      for (const [i, row] of rows.entries()) {
        await page.keyboard.press(i === 0 ? "Home" : "ArrowDown");
        const said = await page.textContent(`figure[data-chart="${chart}"] [data-live]`);
        assert.ok(said.startsWith(`${row[1]}: ${row[3]}`), `${chart} bar ${i}: “${said}” against CSV “${row[1]}: ${row[3]}”`);
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
      items.map((li) => ({ id: li.id, verdict: li.dataset.verdict, words: li.querySelector(".verdict").textContent })),
    );
    assert.equal(claims.length, 18);
    for (const claim of claims) {
      assert.match(claim.verdict, /^(consistent|inconsistent|no-trace)$/);
      const key = claim.id.replace(/^claim-/, "");
      const link = page.locator(`a#text-${key}`);
      assert.equal(await link.getAttribute("href"), `#${claim.id}`, `a link to ${claim.id} in the text`);
      await link.click();
      assert.ok(page.url().endsWith(`#${claim.id}`));
      assert.ok(await page.locator(`#${claim.id}`).isVisible());
      assert.ok(await page.evaluate((id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      }, claim.id), `${claim.id} is scrolled into view`);
      await page.locator(`#${claim.id} .claim-back a`).click();
      assert.ok(page.url().endsWith(`#text-${key}`));
    }
    const verdicts = Object.fromEntries(claims.map((c) => [c.id, c.words]));
    assert.equal(verdicts["claim-delegations-growth"], "inconsistent");
    assert.equal(verdicts["claim-poland-growth"], "inconsistent");
    assert.equal(verdicts["claim-share-of-nato"], "consistent");
    assert.equal(verdicts["claim-ironclad"], "no public trace found");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
