// The maps: their shapes fetched only as a map nears the screen, once; each country found by
// pointer and by the keys in reading order (north to south, west to east), with the same
// tooltip and announcement as a bar; every member in the data table; the static maps without
// JavaScript; and a map whose shapes do not arrive says so and keeps its static version.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { servedPage, open, chartStates, staticChartShown, canvasDigest } from "./browser.mjs";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const shared = servedPage({ before, after });
const FIGURES = JSON.parse(readFileSync(new URL("../../www/data/figures.json", import.meta.url), "utf8"));
const FORCE_MAP = FIGURES.charts.find((c) => c.kind === "force_map");
const REACH_MAP = FIGURES.charts.find((c) => c.kind === "reach_map");
const NAME = (code) => FIGURES.countries[code].name;

/** Waits until every chart but the maps is drawn. */
async function barsDrawn(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("figure[data-chart]:not([data-shapes])")].every((f) => f.dataset.state === "drawn"));
}

test("the maps' shapes are fetched once, only when a map nears the screen, and each map is drawn then", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1280, height: 900 });
  try {
    const asked = [];
    page.on("request", (request) => {
      if (request.url().includes("maps.bin")) asked.push(request.url());
    });
    await barsDrawn(page);
    await page.waitForTimeout(500);
    assert.deepEqual(asked, [], "no map is near the screen at load");
    assert.equal(await page.$$eval("figure[data-shapes]", (maps) => maps.filter((m) => m.dataset.state).length), 0);
    // The shapes are asked for while the first map is still below the screen (within one and a
    // half screens of it), so that it is drawn by the time the reader gets there.
    const first = await page.$$eval("figure[data-shapes]", (maps) => Math.min(...maps.map((m) => m.getBoundingClientRect().top + scrollY)));
    await page.evaluate((top) => scrollTo(0, top - innerHeight * 3.5), first);
    await page.waitForTimeout(300);
    assert.deepEqual(asked, [], "two and a half screens below the screen, not yet");
    const fetched = page.waitForRequest((r) => r.url().includes("maps.bin"));
    await page.evaluate((top) => scrollTo(0, top - innerHeight * 1.25), first);
    await fetched;
    assert.ok((await page.$$eval("figure[data-shapes]", (maps) => Math.min(...maps.map((m) => m.getBoundingClientRect().top)))) > (await page.evaluate(() => innerHeight)), "fetched before a map is on the screen");
    for (const map of [FORCE_MAP, REACH_MAP]) {
      await page.$eval(`figure[data-chart="${map.slug}"]`, (f) => f.scrollIntoView({ block: "center" }));
      await page.waitForFunction((slug) => document.querySelector(`figure[data-chart="${slug}"]`).dataset.state === "drawn", map.slug);
    }
    assert.equal(asked.length, 1, asked.join(", "));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the maps' file is at most 25 KB compressed", () => {
  const bytes = readFileSync(new URL("../../www/data/maps.bin", import.meta.url));
  const compressed = gzipSync(bytes, { level: 9 }).length;
  assert.ok(compressed <= 25 * 1024, `${compressed} bytes gzip`);
  assert.ok(compressed > 1024, `${compressed} bytes: the file holds little`);
});

test("pointing at a country shows its tooltip, and the keys read the countries north to south, west to east", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1280, height: 900 });
  try {
    await chartStates(page);
    const figure = `figure[data-chart="${FORCE_MAP.slug}"]`;
    await page.$eval(figure, (f) => f.scrollIntoView({ block: "start" }));
    const box = await page.locator(`${figure} canvas`).boundingBox();
    const tooltip = page.locator(`${figure} .chart-tooltip`);
    const named = new Set();
    for (let y = box.y + 20; y < box.y + box.height; y += 24) {
      for (let x = box.x + 10; x < box.x + box.width; x += 24) {
        // A tooltip stays while the pointer is on it (so that it can be read): where one
        // covers the next point, the pointer leaves the map first, and it closes.
        const covered = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName !== "CANVAS", [x, y]);
        if (covered) {
          await page.mouse.move(0, 0);
          await tooltip.waitFor({ state: "hidden", timeout: 3000 });
        }
        await page.mouse.move(x, y);
        if (await tooltip.isVisible()) named.add((await tooltip.textContent()).split(":")[0]);
      }
    }
    for (const code of ["POL", "FRA", "DEU", "NOR", "ESP", "ROU"]) assert.ok(named.has(NAME(code)), `${NAME(code)} not found under the pointer: ${[...named]}`);
    // Russia is no member: pointing at it names nothing of it.
    assert.ok(!named.has(NAME("RUS")), [...named].join(", "));
    await page.mouse.move(0, 0);

    // The keys: every member once, in reading order; the one off the map last.
    const said = () => page.textContent(`${figure} [data-live]`);
    await page.focus(`${figure} canvas`);
    await page.keyboard.press("Home");
    const order = [];
    for (let i = 0; i < FORCE_MAP.force_map.members.length + 1; i++) {
      const words = await said();
      order.push(words);
      await page.keyboard.press("ArrowRight");
    }
    const n = FORCE_MAP.force_map.members.length;
    assert.match(order[0], new RegExp(`1 of ${n}\\.$`));
    assert.match(order[n - 1], new RegExp(`${n} of ${n}, the last\\.$`));
    const at = (code) => order.findIndex((w) => w.startsWith(`${NAME(code)}:`));
    for (const code of FORCE_MAP.force_map.members.map((m) => m.country)) assert.ok(at(code) >= 0, `${NAME(code)} never said`);
    assert.equal(at("ISL"), 0, "Iceland, the farthest north, first");
    assert.equal(at("CAN"), n - 1, "Canada, off the map, last");
    for (const [north, south] of [["NOR", "DEU"], ["DEU", "ITA"], ["ITA", "GRC"], ["EST", "LTU"]]) assert.ok(at(north) < at(south), `${north} before ${south}`);
    for (const [west, east] of [["PRT", "ESP"], ["GBR", "POL"]]) assert.ok(at(west) < at(east), `${west} before ${east}`);
    // A member with figures is said with its troops; one without, as having none.
    assert.match(order[at("POL")], /troops|deployed/i);
    assert.match(order[at("ISL")], /No personnel|no figure/i);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the map's data table lists every member, and the distance map's keys read its lines", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 375, height: 800 });
  try {
    await chartStates(page);
    const figure = `figure[data-chart="${FORCE_MAP.slug}"]`;
    await page.click(`${figure} .chart-table summary`);
    const rows = await page.$$eval(`${figure} .chart-table tbody tr`, (trs) => trs.map((tr) => tr.textContent));
    assert.equal(rows.length, FORCE_MAP.force_map.members.length);
    for (const member of FORCE_MAP.force_map.members) assert.ok(rows.some((r) => r.includes(NAME(member.country))), NAME(member.country));

    const reach = `figure[data-chart="${REACH_MAP.slug}"]`;
    await page.focus(`${reach} canvas`);
    await page.keyboard.press("Home");
    const words = [];
    for (let i = 0; i < 8; i++) {
      words.push(await page.textContent(`${reach} [data-live]`));
      await page.keyboard.press("ArrowRight");
    }
    assert.ok(words.some((w) => /\d+ km/.test(w)), words.join(" | "));
    assert.ok(words.some((w) => /min/.test(w)), words.join(" | "));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("without JavaScript both maps are their static versions", async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(shared.server.url, { waitUntil: "load" });
    for (const map of [FORCE_MAP, REACH_MAP]) {
      // The page's own scripts are off: the test scrolls from outside it.
      await page.locator(`figure[data-chart="${map.slug}"] .chart-frame`).scrollIntoViewIfNeeded();
      await staticChartShown(page, map.slug);
      assert.match(await page.locator(`figure[data-chart="${map.slug}"] .chart-fallback`).getAttribute("alt"), /map/i);
      assert.equal(await page.locator(`figure[data-chart="${map.slug}"] canvas`).count(), 0);
    }
  } finally {
    await context.close();
  }
});

test("a map whose shapes do not arrive says so and shows its static version; the other charts are drawn", async () => {
  const { page, context } = await open(shared.browser, shared.server.url, { width: 1280, height: 900 });
  try {
    await page.route("**/maps.bin", (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.reload();
    await barsDrawn(page);
    const states = await chartStates(page);
    for (const map of [FORCE_MAP, REACH_MAP]) {
      assert.equal(states[map.slug], "failed", map.slug);
      const status = await page.textContent(`figure[data-chart="${map.slug}"] [data-status]`);
      assert.match(status, /shapes did not arrive \(HTTP 404\)/, status);
      await page.$eval(`figure[data-chart="${map.slug}"]`, (f) => f.scrollIntoView());
      await staticChartShown(page, map.slug);
    }
    for (const [slug, state] of Object.entries(states)) if (![FORCE_MAP.slug, REACH_MAP.slug].includes(slug)) assert.equal(state, "drawn", slug);
  } finally {
    await context.close();
  }
});

test("a force slider step that leaves the map's picture as it was hands the browser nothing to draw, and the map ends as a page opened at that force draws it", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    const map = 'figure[data-chart="who-sends"]';
    await page.$eval(map, (f) => f.scrollIntoView({ block: "start" }));
    // Every drawing call on the map's canvas counted, as the browser is handed it.
    await page.$eval(`${map} canvas`, (canvas) => {
      const context = canvas.getContext("2d");
      window.mapCalls = 0;
      for (const name of ["fill", "stroke", "fillRect", "fillText", "drawImage"]) {
        const own = context[name].bind(context);
        context[name] = (...args) => {
          window.mapCalls += 1;
          return own(...args);
        };
      }
    });
    const slider = page.locator('input[name="force"]');
    const drawnAt = [];
    let force = 0;
    for (let i = 0; i < 40; i += 1) {
      await page.evaluate(() => (window.mapCalls = 0));
      await slider.evaluate((s) => {
        s.stepUp();
        s.dispatchEvent(new Event("input", { bubbles: true }));
      });
      await page.evaluate(async () => { for (let k = 0; k < 2; k += 1) await new Promise((r) => requestAnimationFrame(r)); });
      drawnAt.push(await page.evaluate(() => window.mapCalls));
      force = Number(await slider.inputValue());
    }
    const kept = drawnAt.filter((n) => n === 0).length;
    assert.ok(kept > 20 && kept < 40, `steps drawn: ${drawnAt.join(",")}`);
    const digest = (p) => canvasDigest(p, `${map} canvas`);
    const after = await digest(page);
    const fresh = await open(shared.browser, `${shared.server.url}?force=${force}`, { width: 1000 });
    try {
      await chartStates(fresh.page);
      await fresh.page.$eval(map, (f) => f.scrollIntoView({ block: "start" }));
      await fresh.page.evaluate(async () => { for (let k = 0; k < 3; k += 1) await new Promise((r) => requestAnimationFrame(r)); });
      assert.equal(await digest(fresh.page), after, `force ${force}: the map as a page opened there draws it`);
    } finally {
      await fresh.context.close();
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
