// The reader's own country: chosen with the keyboard alone, kept in the link, started from the
// browser's language where it names a country the page has, refused when a link names one it
// has not, and accessible in each state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { servedPage, open, chartStates, CHART_SLUGS, canvasDigest } from "./browser.mjs";

const shared = servedPage({ before, after });
const FIGURES = JSON.parse(readFileSync(new URL("../../www/data/figures.json", import.meta.url), "utf8"));
const figure = (id) => FIGURES.figures.find((f) => f.id === id);

/** What each chart says of the reader's country, by chart, for the lines shown. */
async function countryLines(page) {
  return page.$$eval("figure[data-chart]", (figures) =>
    Object.fromEntries(
      figures
        .map((f) => [f.dataset.chart, f.querySelector("[data-country-line]")])
        .filter(([, line]) => line && !line.hidden)
        .map(([chart, line]) => [chart, line.textContent]),
    ),
  );
}

/** Moves the keyboard's focus to the picker with Tab alone, from wherever it is. */
async function tabToPicker(page) {
  for (let presses = 0; (await page.evaluate(() => document.activeElement?.id)) !== "your-country"; presses += 1) {
    assert.ok(presses < 30, "the picker is reached by Tab near the top of the page");
    await page.keyboard.press("Tab");
  }
}

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

test("a reader chooses their country with the keyboard alone; each chart that counts it says what it shows, and the link keeps it", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    assert.deepEqual(await countryLines(page), {}, "no country is chosen at first in an English browser");
    assert.deepEqual(await axeViolations(page), []);
    // Tab from the top of the page to the picker, then type the country's first letters.
    await tabToPicker(page);
    await page.keyboard.type("Pol");
    await page.waitForFunction(() => !document.querySelector('figure[data-chart="force-scenario"] [data-country-line]').hidden);
    const lines = await countryLines(page);
    // The force shared equally between the five armies with both figures: 30,000 / 5 each,
    // three units committed per unit deployed, against Poland's personnel from the file.
    const personnel = figure("personnel.poland").value;
    const share = ((6000 * 3) / personnel) * 100;
    assert.equal(lines["force-scenario"], `Poland: 6,000 of the 30,000 deployed; 18,000 tied up with rotations, ${share.toFixed(2)}% of its active personnel.`);
    assert.equal(lines["who-sends"], "Poland: 6,000 of the 30,000 troops, shared equally.");
    assert.match(lines["troop-share"], new RegExp(`^Poland in this chart: active military personnel, ${personnel.toLocaleString("en-GB")} \\(NATO, 2024\\)\\. A force of 30,000 would be ${((30000 / personnel) * 100).toFixed(1)}% of it\\.$`));
    assert.match(lines.budgets, /^Poland in this chart: .*defence spending, US\$35 bn \(NATO, 2024\)\.$/);
    assert.equal(lines.capability, "No figure for Poland in this chart.");
    assert.equal(lines.coalition, undefined, "a chart that counts no country says nothing of it");
    // The picker's live region says it once the change settles.
    await page.waitForFunction(() => document.querySelector(".your-country [data-said]").textContent === "Poland marked in each chart that counts it, which says what it shows of it.");
    // A row of the chart read with the keyboard says it is the reader's country.
    await page.focus('figure[data-chart="force-scenario"] canvas');
    await page.keyboard.press("ArrowRight");
    assert.match(await page.textContent('figure[data-chart="force-scenario"] [data-live]'), /\. Your country\. Poland: 6,000 deployed, 18,000 tied up: /);
    // The link keeps it, and brings it back.
    await page.waitForFunction(() => location.search === "?country=POL");
    await page.reload({ waitUntil: "load" });
    await chartStates(page);
    assert.equal(await page.inputValue("#your-country"), "POL");
    assert.equal((await countryLines(page))["force-scenario"].slice(0, 7), "Poland:");
    assert.deepEqual(await axeViolations(page), []);
    // Cleared with the keyboard alone: every line goes, and so does the link's setting.
    await page.evaluate(() => document.activeElement?.blur());
    await tabToPicker(page);
    await page.keyboard.press("Home");
    await page.waitForFunction(() => location.search === "");
    assert.deepEqual(await countryLines(page), {});
    await page.waitForFunction(() => document.querySelector(".your-country [data-said]").textContent === "No country marked.");
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the browser's language starts the page on the country it names (pl-PL: Poland; en-US: none), and a link can choose none", async () => {
  for (const [locale, query, chosen] of [
    ["pl-PL", "", "POL"],
    ["en-US", "", ""],
    ["pl", "", ""],
    ["pl-PL", "?country=", ""],
    ["pl-PL", "?country=deu", "DEU"],
  ]) {
    const { page, errors, context } = await open(shared.browser, shared.server.url + query, { width: 1000, locale });
    try {
      await chartStates(page);
      assert.equal(await page.inputValue("#your-country"), chosen, `${locale} ${query}`);
      const lines = await countryLines(page);
      assert.equal(Object.keys(lines).length > 0, chosen !== "", `${locale} ${query}: lines shown`);
      if (chosen) assert.deepEqual(await axeViolations(page), []);
      if (chosen && !query) {
        // Once the reader moves a control, the link names the country too, so that whoever
        // opens it sees it, whatever their own browser's language.
        await page.check('input[name="share"][value="budget"]');
        await page.waitForFunction(() => location.search === "?share=budget&country=POL");
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test("a link naming a country the page has no figures for, or no country at all, is refused with a notice", async () => {
  for (const [query, notice] of [
    ["?country=BEL", "Ignored “country=BEL” in the link: the page has no figures for that country."],
    ["?country=%3Cb%3Ex", "Ignored “country=<b>x” in the link: a country is named by the three letters of its code."],
  ]) {
    const { page, errors, context } = await open(shared.browser, shared.server.url + query, { width: 1000 });
    try {
      await chartStates(page);
      assert.equal(await page.inputValue("#your-country"), "");
      assert.equal(await page.textContent(".your-country [data-notice]"), notice);
      assert.deepEqual(await countryLines(page), {});
      assert.equal(await page.$$eval("main b", (n) => n.length), 0);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test("an embed offers only the countries its chart gives a figure for, and a browser's language outside them starts empty", async () => {
  const expected = [...new Set(FIGURES.figures.filter((f) => f.country && JSON.stringify(FIGURES.charts.find((c) => c.slug === "capability")).includes(`"${f.id}"`)).map((f) => f.country))].sort();
  assert.ok(expected.length >= 2, `${expected}`);
  const { page, errors, context } = await open(shared.browser, `${shared.server.url}www/embed/capability.html`, { width: 600, locale: "en-GB" });
  try {
    await chartStates(page);
    const offered = await page.$$eval("#your-country option", (options) => options.map((o) => o.value));
    assert.deepEqual([...offered].sort(), ["", ...expected]);
    assert.equal(await page.inputValue("#your-country"), "", "United Kingdom is not in this chart");
    await page.selectOption("#your-country", expected[0]);
    await page.waitForFunction(() => !document.querySelector("[data-country-line]").hidden);
    assert.match(await page.textContent("[data-country-line]"), /^\S.* in this chart: /);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** A digest of what the chart `slug`'s canvas shows, once it is in view and its frame is drawn. */
async function picture(page, slug) {
  await page.$eval(`figure[data-chart="${slug}"]`, (figure) => figure.scrollIntoView({ block: "center" }));
  return canvasDigest(page, `figure[data-chart="${slug}"] canvas`, 3);
}

test("the chosen country is marked on the canvas of each chart that counts it, in dark mode too, and leaves no mark once cleared; on paper the mark and the lines print", async () => {
  const { page, errors, context } = await open(shared.browser, `${shared.server.url}?country=POL`, { width: 1000, colorScheme: "dark" });
  try {
    await chartStates(page);
    const marking = ["force-scenario", "who-sends", "troop-share", "budgets"];
    const others = ["capability", "coalition"];
    const marked = {};
    for (const slug of [...marking, ...others]) marked[slug] = await picture(page, slug);
    assert.deepEqual(await axeViolations(page), []);
    await page.selectOption("#your-country", "");
    await page.waitForFunction(() => location.search === "");
    for (const slug of marking) assert.notEqual(await picture(page, slug), marked[slug], `${slug}: the mark goes with the country`);
    // A chart that does not count Poland was never marked.
    for (const slug of others) assert.equal(await picture(page, slug), marked[slug], `${slug}: drawn alike either way`);
    // Chosen again, the same mark comes back.
    await page.selectOption("#your-country", "POL");
    await page.waitForFunction(() => location.search === "?country=POL");
    for (const slug of marking) assert.equal(await picture(page, slug), marked[slug], `${slug}: marked again`);
    // On paper: the drawing made for print carries the mark, and the picker and the lines print.
    await page.evaluate(() => {
      addEventListener("beforeprint", () => {
        const canvas = document.querySelector('figure[data-chart="force-scenario"] canvas');
        (window.printed ||= []).push(canvas.toDataURL());
      });
    });
    await page.pdf();
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.isVisible("#your-country"), "the picker prints, with the country chosen");
    assert.ok(await page.isVisible('figure[data-chart="force-scenario"] [data-country-line]'), "the country's line prints");
    await page.emulateMedia({ media: "screen" });
    await page.selectOption("#your-country", "");
    await page.waitForFunction(() => location.search === "");
    await page.pdf();
    const printed = await page.evaluate(() => window.printed);
    assert.equal(printed.length, 2);
    assert.notEqual(printed[0], printed[1], "the paper drawing marks the country");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("an embed keeps the reader's country in its link and clears it like the article", async () => {
  const { page, errors, context } = await open(shared.browser, `${shared.server.url}www/embed/troop-share.html`, { width: 600 });
  try {
    await chartStates(page);
    await page.selectOption("#your-country", "POL");
    await page.waitForFunction(() => location.search === "?country=POL");
    assert.match(await page.textContent("[data-country-line]"), /^Poland in this chart: active military personnel, /);
    await page.reload({ waitUntil: "load" });
    await chartStates(page);
    assert.equal(await page.inputValue("#your-country"), "POL");
    assert.ok(await page.isVisible("[data-country-line]"));
    await page.selectOption("#your-country", "");
    await page.waitForFunction(() => location.search === "");
    assert.ok(await page.isHidden("[data-country-line]"));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("every embed offers exactly the countries its chart says something of in the article, and an embed of no country has no picker", async () => {
  const article = await open(shared.browser, shared.server.url, { width: 1000 });
  const offered = await article.page.$$eval("#your-country option", (options) => options.map((o) => o.value).filter(Boolean));
  await article.context.close();
  assert.ok(offered.length >= 5, `${offered}`);
  // What each chart of the article says of each country: a figure, or that it has none.
  const told = {};
  for (const code of offered) {
    const { page, errors, context } = await open(shared.browser, `${shared.server.url}?country=${code}`, { width: 1000 });
    try {
      await chartStates(page);
      for (const [chart, line] of Object.entries(await countryLines(page))) {
        const none = /^No figure for |: No .*figure was found/.test(line);
        (told[chart] ||= []).push(...(none ? [] : [code]));
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
  let pickers = 0;
  for (const slug of CHART_SLUGS) {
    const { page, errors, context } = await open(shared.browser, `${shared.server.url}www/embed/${slug}.html`, { width: 600, locale: "pl-PL" });
    try {
      await chartStates(page);
      const options = await page.$$eval("#your-country option", (o) => o.map((x) => x.value).filter(Boolean));
      assert.deepEqual([...options].sort(), [...(told[slug] || [])].sort(), `${slug}: the countries offered`);
      if (options.length === 0) {
        assert.equal(await page.$("#your-country"), null, `${slug}: no picker`);
        continue;
      }
      pickers += 1;
      // A Polish browser starts on Poland wherever the chart has a figure for it.
      assert.equal(await page.inputValue("#your-country"), options.includes("POL") ? "POL" : "", slug);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
  assert.ok(pickers >= 5, `${pickers} embeds with a picker`);
});

test("read with the keyboard, the map says which country is the reader's; on paper, no country chosen, no picker", async () => {
  const { page, errors, context } = await open(shared.browser, `${shared.server.url}?country=POL`, { width: 1000 });
  try {
    await chartStates(page);
    const map = 'figure[data-chart="who-sends"]';
    await page.focus(`${map} canvas`);
    const read = [];
    for (let i = 0; i < 40 && !read.some((r) => r.includes("Your country.")); i += 1) {
      await page.keyboard.press("ArrowRight");
      read.push(await page.textContent(`${map} [data-live]`));
    }
    const mine = read.find((r) => r.includes("Your country."));
    assert.match(mine || read.join(" | "), /Your country\. Poland/);
    assert.equal(read.filter((r) => r.includes("Your country.")).length, 1);
    // Cleared, the picker does not print.
    await page.selectOption("#your-country", "");
    await page.waitForFunction(() => location.search === "");
    await page.pdf();
    await page.emulateMedia({ media: "print" });
    assert.ok(!(await page.isVisible("#your-country")), "no country, no picker on paper");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
