// The page for every reader: accessibility checked by axe-core in four states, no JavaScript,
// print, dark mode, forced colours, and bad or hostile input (the strict policy is checked in every engine: tests/engines/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { accessibleNames, accessibilityTree } from "./accessible_names.mjs";
import { servedPage, open, chartStates, inkedPixels, failureNotices, scrollThroughPage, editedDigest, CHART_SLUGS, CLAIM_COUNT, skipGuesses } from "./browser.mjs";

const shared = servedPage({ before, after });

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target}`);
}

for (const [state, options, act] of [
  ["at load", { width: 1280 }, async () => {}],
  ["in dark mode", { width: 1280, colorScheme: "dark" }, async () => {}],
  ["at 375 px", { width: 375, deviceScaleFactor: 2 }, async () => {}],
  // At 320 px the data tables scroll sideways: each can take focus, so the keys can scroll it.
  ["at 320 px with the tables open", { width: 320 }, async (page) => {
    for (const summary of await page.$$(".chart-table summary")) await summary.click();
  }],
  [
    "after interaction",
    { width: 1000 },
    async (page) => {
      await page.check('input[name="share"][value="budget"]');
      await page.check('input[name="currency"][value="usd"]');
      await page.focus('figure[data-chart="troop-share"] canvas');
      await page.keyboard.press("ArrowRight");
      await page.click('figure[data-chart="budgets"] .chart-table summary');
    },
  ],
]) {
  test(`axe-core finds no violations ${state}`, async (t) => {
    const { page, errors, context } = await open(shared.browser, shared.server.url, options);
    try {
      await chartStates(page);
      await act(page);
      const violations = await axeViolations(page);
      t.diagnostic(`axe ${state}: ${violations.length} violations`);
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test("without JavaScript every figure shows its static chart, says so, and keeps its data", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(shared.server.url, { waitUntil: "load" });
    const figures = await page.$$eval("figure[data-chart]", (fs) =>
      fs.map((f) => {
        const img = f.querySelector(".chart-fallback");
        return {
          chart: f.dataset.chart,
          loaded: img.complete && img.naturalWidth > 0,
          file: img.currentSrc.split("/").pop(),
          visible: getComputedStyle(img).visibility === "visible",
          notice: f.querySelector("noscript") !== null,
          rows: f.querySelectorAll(".chart-table tbody tr").length,
          description: f.querySelector("[data-description]").textContent.length,
        };
      }),
    );
    assert.equal(figures.length, CHART_SLUGS.length);
    // Nothing invites the reader to controls that are not there, and the starting scenario is
    // not called theirs.
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(!/choose the size of the force/.test(text), "no invitation to absent controls");
    assert.ok(!/your scenario/i.test(text), "the starting scenario is not called the reader's");
    assert.match(text, /here is the one the page starts with/);
    for (const f of figures) {
      assert.ok(f.loaded && f.visible, `${f.chart}: static chart shown`);
      assert.equal(f.file, `${f.chart}-phone.svg`, "at 375 px, the version drawn for phones");
      assert.ok(f.notice, `${f.chart}: says the interactive version did not load`);
      assert.ok(f.rows >= 2 && f.description > 40, `${f.chart}: data table and description`);
    }
    const notices = await page.$$eval("figure[data-chart] .chart-status", (ps) =>
      ps.filter((p) => p.offsetHeight > 0 && p.textContent.includes("needs JavaScript")).length,
    );
    assert.equal(notices, CHART_SLUGS.length, "each figure says its interactive version needs JavaScript");
    assert.equal(await page.$$eval("li.claim", (c) => c.length), CLAIM_COUNT);
    assert.equal(await page.$$eval("a:not([href])", (as) => as.length), 0, "every link leads somewhere");
    assert.equal(await page.$$eval("form[data-controls]:not([hidden])", (f) => f.length), 0, "no dead controls");
    // No take-away button that would do nothing; each chart's static SVG to download instead.
    assert.equal(await page.$$eval("[data-take-away-row]", (rows) => rows.filter((r) => r.offsetHeight > 0).length), 0, "no dead buttons");
    const drawings = await page.$$eval("figure[data-chart] a[download][href$='.svg']", (as) => as.filter((a) => a.offsetHeight > 0).map((a) => a.href));
    assert.equal(drawings.length, CHART_SLUGS.length, "each chart's SVG offered");
    for (const href of drawings) assert.equal((await page.request.get(href)).status(), 200, href);
  } finally {
    await context.close();
  }
});

test("without JavaScript no static chart is shrunk, so its words keep their 12 px, from a 360 px phone up", async () => {
  // Each static chart is drawn for the narrowest frame it is offered to (phone, narrow window,
  // wide screen); the frame's height is the chart's own, so a wider frame never enlarges it.
  const expected = { 360: "-phone", 375: "-phone", 414: "-phone", 560: "-narrow", 640: "-narrow", 800: "", 1280: "" };
  for (const [width, suffix] of Object.entries(expected)) {
    const context = await shared.browser.newContext({ viewport: { width: Number(width), height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url, { waitUntil: "load" });
      for (const frame of await page.$$("figure[data-chart] .chart-frame")) await frame.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const fallbacks = [...document.images].filter((i) => i.classList.contains("chart-fallback"));
        return fallbacks.length > 0 && fallbacks.every((i) => i.complete && i.naturalWidth > 0);
      });
      const shown = await page.$$eval("figure[data-chart] .chart-fallback", (imgs) =>
        imgs.map((img) => {
          const box = img.getBoundingClientRect();
          const chart = img.closest("figure").dataset.chart;
          return { chart, file: img.currentSrc.split("/").pop(), scale: Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight) };
        }),
      );
      assert.equal(shown.length, CHART_SLUGS.length);
      for (const { chart, file, scale } of shown) {
        assert.equal(file, `${chart}${suffix}.svg`, `at ${width} px`);
        assert.ok(scale >= 0.999, `at ${width} px, ${file} is shown at ${(scale * 100).toFixed(1)}% of its size`);
      }
    } finally {
      await context.close();
    }
  }
});

test("no text on the page is under 12 CSS pixels, and touch targets are at least 24 px", async () => {
  for (const width of [320, 1280]) {
    const { page, context } = await open(shared.browser, shared.server.url, { width });
    try {
      await chartStates(page);
      const small = await page.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const el = walker.currentNode.parentElement;
          if (!walker.currentNode.textContent.trim() || !el.offsetParent || el.closest(".visually-hidden")) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 12) out.push(`${el.tagName}.${el.className}: ${size}px`);
        }
        return out;
      });
      assert.deepEqual(small, [], `at ${width} px`);
      const targets = await page.$$eval(".chart-controls label, .chart-describe summary, .chart-table summary, .chart-frame > canvas", (els) =>
        els.map((e) => e.getBoundingClientRect()).filter((r) => r.width < 24 || r.height < 24).length,
      );
      assert.equal(targets, 0, `small touch targets at ${width} px`);
    } finally {
      await context.close();
    }
  }
});

test("the scroll bar tells the truth: the page is as long at load as once every part is laid out", async () => {
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    const { page, context } = await open(shared.browser, shared.server.url, { width, height });
    try {
      await chartStates(page);
      const atLoad = await page.evaluate(() => document.documentElement.scrollHeight);
      await scrollThroughPage(page);
      const laidOut = await page.evaluate(() => document.documentElement.scrollHeight);
      const off = Math.abs(atLoad - laidOut) / laidOut;
      assert.ok(off < 0.02, `at ${width} px: ${atLoad} px at load, ${laidOut} px laid out (${(off * 100).toFixed(1)}% off)`);
    } finally {
      await context.close();
    }
  }
});

// A screen reader lists a page's headings and links from the accessibility tree, and goes from
// heading to heading through it: a part of the page left out of the tree until it comes near the
// screen (as the browser leaves out what it has not laid out) cannot be found that way.
test("at load, every heading and link is in the accessibility tree, the claims check's among them", async () => {
  for (const width of [390, 1280]) {
    const { page, errors, context } = await open(shared.browser, shared.server.url, { width });
    try {
      await chartStates(page);
      const named = async () => new Set((await accessibleNames(page)).filter((line) => /^(heading|link): /.test(line)));
      const atLoad = await named();
      // The claims check stands last before the page's foot; its heading and links are read
      // from the page itself.
      const claims = await page.$eval(".claims-check", (section) => ({
        heading: section.querySelector("h2")?.textContent.trim(),
        // Each link's name as its markup gives it: the words of the elements it is labelled by, if
        // any, else its own.
        links: [...section.querySelectorAll("a[href]")]
          .map((a) => {
            const by = a.getAttribute("aria-labelledby");
            const words = by ? by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ") : a.textContent;
            return words.replace(/\s+/g, " ").trim();
          })
          .filter(Boolean),
      }));
      assert.ok(claims.heading && claims.links.length > 0, "the claims check has a heading and links");
      assert.ok(atLoad.has(`heading: ${claims.heading}`), `at ${width} px the claims check's heading is in the tree at load`);
      const missing = claims.links.filter((l) => !atLoad.has(`link: ${l}`));
      assert.deepEqual(missing, [], `at ${width} px the claims check's links are in the tree at load`);
      // Down the page a screen at a time, the tree read at each screen.
      const later = new Set();
      await scrollThroughPage(page, async () => {
        for (const line of await named()) if (!atLoad.has(line)) later.add(line);
      });
      assert.deepEqual([...later], [], `at ${width} px nothing joins the tree only once the reader has scrolled to it`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test("without JavaScript, print shows the static charts", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(shared.server.url, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.isVisible('figure[data-chart="budgets"] .chart-fallback'));
    assert.ok(await page.$eval('figure[data-chart="budgets"] .chart-fallback', (i) => i.complete && i.naturalWidth > 0));
    assert.ok(await page.$eval('figure[data-chart="budgets"] .chart-fallback', (i) => i.currentSrc.endsWith("/budgets.svg")), "at 1000 px, the full-width version");
    // Paper has no disclosures: the description and the data table print open.
    assert.ok(await page.isVisible('figure[data-chart="budgets"] [data-description]'), "the description prints");
    assert.ok(await page.isVisible('figure[data-chart="budgets"] .chart-table table'), "the data table prints");
    assert.ok(await page.isHidden('figure[data-chart="budgets"] .chart-describe > summary'));
  } finally {
    await context.close();
  }
});

test("print gives the reader's own scenario: every chart drawn for paper as the reader left it", async () => {
  const { page, errors, context } = await open(shared.browser, `${shared.server.url}?force=60000`, { width: 1000, colorScheme: "dark" });
  try {
    await chartStates(page);
    // What each figure looks like at the moment of printing (this listener runs after the page's).
    await page.evaluate(() => {
      addEventListener("beforeprint", () => {
        window.printed = Object.fromEntries(
          [...document.querySelectorAll("figure[data-chart]")].map((f) => {
            const canvas = f.querySelector("canvas");
            return [f.dataset.chart, { mark: f.dataset.print || "", width: canvas.width, css: canvas.clientWidth, corner: [...canvas.getContext("2d").getImageData(2, 2, 1, 1).data], takeaway: f.querySelector("[data-takeaway]").textContent }];
          }),
        );
      });
    });
    const pdf = await page.pdf();
    assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);
    const printed = await page.evaluate(() => window.printed);
    assert.equal(Object.keys(printed).length, CHART_SLUGS.length);
    for (const [chart, p] of Object.entries(printed)) {
      assert.equal(p.mark, "live", `${chart} is printed as drawn for paper`);
      assert.equal(p.width, p.css * 3, `${chart} drawn at 3 pixels per CSS pixel`);
      assert.ok(p.corner.slice(0, 3).every((c) => c > 200), `${chart} drawn on a light ground for paper: ${p.corner}`);
    }
    assert.ok(printed["force-scenario"].takeaway.includes("60,000"), "the reader's scenario is the one printed");
    // After printing, the screen gets its own drawing back.
    await page.waitForFunction(() => {
      const f = document.querySelector('figure[data-chart="force-scenario"]');
      const c = f.querySelector("canvas");
      return !f.dataset.print && c.width === c.clientWidth;
    });
    const corner = await page.$eval('figure[data-chart="force-scenario"] canvas', (c) => [...c.getContext("2d").getImageData(2, 2, 1, 1).data]);
    assert.ok(corner.slice(0, 3).every((c) => c < 60), `dark again on screen: ${corner}`);
    // And the print style sheet shows the paper drawings, not the static charts.
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    for (const chart of ["force-scenario", "coalition"]) {
      assert.ok(await page.isVisible(`figure[data-chart="${chart}"] canvas`), `${chart}: drawing printed`);
      assert.ok(await page.isHidden(`figure[data-chart="${chart}"] .chart-fallback`), `${chart}: no static chart`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("dark mode draws dark charts, not inverted ones; forced colours keep them readable", async () => {
  for (const options of [{ colorScheme: "dark" }, { forcedColors: "active" }]) {
    const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 800, ...options });
    try {
      await chartStates(page);
      const corner = await page.$eval('figure[data-chart="coalition"] canvas', (c) => [...c.getContext("2d").getImageData(1, 1, 1, 1).data]);
      if (options.colorScheme) assert.ok(corner[0] < 60 && corner[1] < 60 && corner[2] < 60, `dark background: ${corner}`);
      assert.ok((await inkedPixels(page, 'figure[data-chart="coalition"] canvas')) > 2000);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test("in forced colours the charts are drawn in the system's own colours, not the palette's", async () => {
  // The share of a chart's pixels in the palette's own colours for the kinds of figure (the
  // light palette's orange, blue, green and pink), which forced colours replace with the
  // system's.
  const colourful = async (options) => {
    const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 800, ...options });
    try {
      await chartStates(page);
      const share = await page.$eval('figure[data-chart="troop-share"] canvas', (c) => {
        const kinds = [[213, 94, 0], [0, 114, 178], [0, 128, 94], [176, 90, 140]];
        const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let found = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (kinds.some(([r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40)) found += 1;
        }
        return found / (data.length / 4);
      });
      const system = await page.evaluate(() => {
        const probe = document.createElement("span");
        probe.style.color = "CanvasText";
        document.body.append(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      });
      assert.deepEqual(errors, []);
      return { share, system };
    } finally {
      await context.close();
    }
  };
  const normal = await colourful({});
  const forced = await colourful({ forcedColors: "active" });
  assert.ok(normal.share > 0.03, `the usual palette's colours: ${normal.share} of the pixels`);
  assert.ok(forced.share < 0.001, `forced colours: ${forced.share} of the pixels in the palette's colours (text colour ${forced.system})`);
});

test("reduced motion turns transitions and animations off, whatever an element asks for", async () => {
  // The page declares no motion of its own today; an element given a transition and an
  // animation (through the CSSOM, which the page's policy allows) shows whether the page's rule
  // for readers who ask for less motion overrides them.
  const moving = async (reducedMotion) => {
    const context = await shared.browser.newContext({ reducedMotion });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      return await page.evaluate(() => {
        const probe = document.createElement("div");
        probe.style.transition = "opacity 1s";
        probe.style.animation = "none 2s";
        probe.style.scrollBehavior = "smooth";
        document.body.append(probe);
        const style = getComputedStyle(probe);
        const found = [style.transitionDuration, style.animationDuration, style.scrollBehavior];
        probe.remove();
        return found;
      });
    } finally {
      await context.close();
    }
  };
  assert.deepEqual(await moving("no-preference"), ["1s", "2s", "smooth"], "the probe moves when motion is welcome");
  const reduced = await moving("reduce");
  assert.equal(reduced[0], "0s", "no transition");
  assert.notEqual(reduced[1], "2s", "no animation");
  assert.equal(reduced[2], "auto", "no smooth scrolling");
});

test("a missing figures file leaves the article and the static charts, with a notice", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 800, height: 800 } });
  const page = await context.newPage();
  try {
    await page.route("**/figures.bin", (route) => route.fulfill({ status: 404, body: "not here" }));
    await page.goto(shared.server.url);
    const states = await chartStates(page);
    assert.ok(Object.values(states).every((s) => s === "failed"));
    assert.match(await page.textContent('figure[data-chart="coalition"] [data-status]'), /HTTP 404/);
    assert.deepEqual(await failureNotices(page), { shown: CHART_SLUGS.length, spoken: 1 }, "shown in every figure, said aloud once");
    assert.ok(await page.isVisible('figure[data-chart="coalition"] .chart-fallback'));
    assert.equal(await page.$$eval("li.claim", (c) => c.length), CLAIM_COUNT);
  } finally {
    await context.close();
  }
});

test("hostile strings in the data stay text, and very long ones are shortened", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs += 1;
    d.dismiss();
  });
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    const hostile = editedDigest((data) => {
      const poland = data.figures.find((f) => f.id === "personnel.poland");
      poland.label = "<img src=x onerror=alert(1)>Poland";
      const spain = data.figures.find((f) => f.id === "personnel.spain");
      spain.label = "Spain ".repeat(1000);
      data.sources["nato-personnel-2024"].name = "<b>NATO</b>";
    });
    await page.route("**/figures.bin", async (route) => {
      const response = await route.fetch();
      // Sent packed, answered plain: the packing's headers go with it.
      const headers = { ...response.headers() };
      delete headers["content-encoding"];
      delete headers["content-length"];
      await route.fulfill({ response, headers, body: hostile });
    });
    await page.goto(shared.server.url);
    const states = await chartStates(page);
    assert.ok(Object.values(states).every((s) => s === "drawn"), JSON.stringify(states));
    await page.focus('figure[data-chart="troop-share"] canvas');
    let said = "";
    for (let i = 0; i < 15 && !said.includes("Poland"); i += 1) {
      await page.keyboard.press("ArrowRight");
      said = await page.textContent('figure[data-chart="troop-share"] [data-live]');
    }
    assert.match(said, /^<img src=x onerror=alert\(1\)>Poland: 216,100/);
    assert.match(said, /Source: <b>NATO<\/b>\. \d+ of \d+\.$/, "a source's name stays text");
    // The very long label is read in full, and breaks nothing: the page keeps its width.
    let spain = "";
    for (let i = 0; i < 15 && !spain.startsWith("Spain"); i += 1) {
      await page.keyboard.press("ArrowRight");
      spain = await page.textContent('figure[data-chart="troop-share"] [data-live]');
    }
    assert.ok(spain.startsWith("Spain Spain") && spain.length > 6000, `${spain.slice(0, 40)}… (${spain.length})`);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
    assert.ok(fits, "the page without sideways scrolling");
    assert.equal(await page.$$eval("main img:not(.chart-fallback)", (n) => n.length), 0);
    assert.equal(await page.$$eval("main b", (n) => n.length), 0, "no markup from the data");
    assert.equal(dialogs, 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a zero-width container, rapid resizes, a pixel ratio of 3 and a 320 px phone", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 320, height: 700, deviceScaleFactor: 3 });
  try {
    await chartStates(page);
    const [w, cw] = await page.$eval('figure[data-chart="budgets"] canvas', (c) => [c.width, c.clientWidth]);
    assert.equal(w, cw * 3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at 320 px (${overflow})`);
    for (let i = 0; i < 30; i += 1) await page.setViewportSize({ width: 320 + ((i * 97) % 900), height: 700 });
    await page.setViewportSize({ width: 700, height: 700 });
    await page.waitForFunction(() => {
      const c = document.querySelector('figure[data-chart="industry"] canvas');
      return c.width === c.clientWidth * 3;
    });
    // Squeeze one figure to nothing: it says so and keeps its static chart; the others draw on.
    await page.$eval('figure[data-chart="industry"]', (f) => (f.style.width = "0px"));
    await page.waitForFunction(() => document.querySelector('figure[data-chart="industry"]').dataset.state === "failed");
    assert.match(await page.textContent('figure[data-chart="industry"] [data-status]'), /too small/);
    assert.ok(await page.$eval('figure[data-chart="industry"] .chart-fallback', (i) => getComputedStyle(i).visibility === "visible"));
    assert.equal(await page.$eval('figure[data-chart="geography"]', (f) => f.dataset.state), "drawn");
    await page.$eval('figure[data-chart="industry"]', (f) => (f.style.width = ""));
    await page.waitForFunction(() => document.querySelector('figure[data-chart="industry"]').dataset.state === "drawn");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});


// The record was made (accessible_names.mjs) from the page as it stood before its charts lost
// their printed descriptions and per-bar provenance, its notes moved beside the charts and
// its claims into columns: every name and description offered then is offered now. A chart's
// takeaway (its canvas's name, and the start of its description) may have been rewritten, and
// its annotations ("A line: …", "Under a bar: …"), since declared in the data, reworded; the
// rest of the description may not.
test("nothing leaves the accessibility tree: every accessible name and description of the page before the layout changes is still there", async () => {
  // The record is the page as it was before its layout changed; where the figures file has
  // changed since, its numbers were brought up to date (Kyiv's distance to Belarus, read off
  // the maps' atlas: 90 km then 91 km). Its takeaways are compared as placeholders alone.
  const before = JSON.parse(readFileSync(new URL("./accessible-before.json", import.meta.url), "utf8"));
  const takeaways = before.filter((l) => l.startsWith("image: ")).map((l) => l.slice("image: ".length));
  assert.ok(takeaways.length >= 8 && before.filter((l) => l.startsWith("description: ")).length >= 8, "the record holds each figure's name and description");
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1280 });
  try {
    await chartStates(page);
    // A guess pending keeps its chart's takeaway and description back: the reader skips it.
    await skipGuesses(page);
    const now = await accessibleNames(page);
    // Each takeaway, then and now, read as one placeholder wherever it is said. Then the canvas
    // was named by the takeaway and the description ended with it again; now the takeaway is
    // said once, in the figure's description, and the canvas is named by the chart's heading.
    const newTakeaways = await page.$$eval("figure[data-chart] [data-takeaway]", (ps) => ps.map((p) => p.textContent.trim()));
    // A line or a band said then is still said (in words that may differ); words under a bar
    // are new.
    const lines = / (A line|A band): .*?\.(?= [A-Z⟨]|$)/g;
    const under = / Under [^:]+: .*?\.(?= [A-Z⟨]|$)/g;
    const plain = (lines_, said) =>
      new Set(
        lines_
          .filter((line) => !line.startsWith("image: ") && !line.startsWith("application: "))
          .map((line) =>
            said
              .reduce((l, t) => (t.length > 20 ? l.split(t).join("⟨takeaway⟩") : l), line)
              .replace(lines, " $1: ⟨its words⟩.")
              .replace(under, "")
              .replace(/ ⟨takeaway⟩$/, "")
              // The takeaway is no longer part of the figure's description: its caption says it.
              .replace(/^description: ⟨takeaway⟩ /, "description: "),
          ),
      );
    const then = plain(before, takeaways);
    const current = plain(now, newTakeaways);
    // A name may have grown by the chart's title ("Show the data" is now "Show the data" and
    // the title of the chart whose data it shows), so that no two are alike.
    // A chart's description has since been rewritten in short sentences: it must still start
    // from the same panel and say every number it said.
    const start = (line) => line.slice(0, "description: ".length + 12);
    const numbers = (line) => line.match(/\d[\d,.]*%?/g) ?? [];
    const described = (line) => {
      const now = [...current].find((c) => c.startsWith("description: ") && start(c) === start(line));
      const said = new Set(numbers(now ?? "").map((n) => n.replace(/[.,]$/, "")));
      return now !== undefined && numbers(line).every((n) => said.has(n.replace(/[.,]$/, "")));
    };
    const gone = [...then].filter(
      (line) =>
        !current.has(line) &&
        ![...current].some((c) => c.startsWith(`${line} `)) &&
        !(line.startsWith("description: ") && described(line)),
    );
    assert.deepEqual(gone, [], `${gone.length} of ${then.size} gone`);
    // Every chart of then still has its takeaway, and every chart added since (the maps) its own.
    assert.ok(newTakeaways.length >= takeaways.length, "every chart still has its takeaway");
    assert.equal(newTakeaways.length, await page.locator("figure[data-chart]").count(), "a chart without a takeaway");
    const titles = await page.$$eval("figure[data-chart] .chart-title", (hs) => hs.map((h) => h.textContent.trim()));
    for (const title of titles) assert.ok(now.includes(`application: ${title}`), `the chart “${title}” is named by its heading`);
    assert.ok([...then].some((l) => l.startsWith("description: ") && l.length > 100), "descriptions are compared beyond their takeaways");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// A graphics desk's page, not a test report: at 1280 px, once every part is laid out, the page
// is at least 30% shorter than the 15,800 px it measured before (notes beside the charts,
// claims in columns, descriptions behind their disclosures). The maps came later, with the
// article's places, the reader's country and the guesses: the page is measured without them (the
// maps' figures, the country's picker and its lines, the guesses' forms, and the space round
// them).
test("at 1280 px the whole page, less the maps, the reader's country and the guesses added since, is at least 30% shorter than 15,800 px", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1280 });
  try {
    await chartStates(page);
    await scrollThroughPage(page);
    const maps = await page.$$eval("figure[data-shapes], form.your-country, [data-country-line], form[data-guess]", (figures) =>
      figures.reduce((sum, f) => {
        const style = getComputedStyle(f);
        return sum + f.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
      }, 0),
    );
    assert.equal(await page.locator("figure[data-shapes]").count(), 2);
    const height = (await page.evaluate(() => document.documentElement.scrollHeight)) - maps;
    assert.ok(height <= 15_800 * 0.7, `${height} px`);
    assert.ok(height > 4_000, `${height} px: the page is laid out`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("every link and every disclosure has a name of its own", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1280 });
  try {
    await chartStates(page);
    // Scrolled through first, as a reader would have been (every part is in the tree at load
    // anyway: a test above).
    await scrollThroughPage(page);
    const nodes = await accessibilityTree(page);
    const seen = new Map();
    for (const node of nodes) {
      const role = node.role?.value ?? "";
      if (node.ignored || !["link", "DisclosureTriangle", "button"].includes(role)) continue;
      const name = (node.name?.value ?? "").replace(/\s+/g, " ").trim();
      seen.set(`${role}: ${name}`, (seen.get(`${role}: ${name}`) ?? 0) + 1);
    }
    const named = [...seen.keys()];
    assert.ok(named.filter((n) => n.startsWith("link: Download the data (CSV) ")).length >= 8, named.join("\n"));
    assert.ok(named.some((n) => n.startsWith("link: Back to the text ")), named.join("\n"));
    // A link named like another is fine only where both lead to the same place (a source
    // cited by two charts).
    const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => [a.textContent.replace(/\s+/g, " ").trim(), a.href]));
    const samePlace = (name) => new Set(hrefs.filter(([words]) => `link: ${words}` === name).map(([, href]) => href)).size === 1;
    const repeated = [...seen].filter(([name, n]) => n > 1 && !samePlace(name)).map(([name, n]) => `${n} × ${name}`);
    assert.deepEqual(repeated, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a canvas the browser clears (a phone's page put away and brought back) is drawn again, a map's as a chart's", async () => {
  const { page, errors, context } = await open(shared.browser, shared.server.url, { width: 1000 });
  try {
    await chartStates(page);
    for (const slug of ["force-scenario", "who-sends"]) {
      const canvas = `figure[data-chart="${slug}"] canvas`;
      const frames = () => page.evaluate(async () => { for (let i = 0; i < 3; i += 1) await new Promise((r) => requestAnimationFrame(r)); });
      await page.$eval(canvas, (c) => c.scrollIntoView({ block: "center" }));
      await frames();
      const drawn = await inkedPixels(page, canvas);
      assert.ok(drawn > 1000, `${slug}: ${drawn} pixels inked`);
      // What the browser does when it gives a canvas back: its pixels gone, then the event.
      await page.$eval(canvas, (c) => {
        const context = c.getContext("2d");
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, c.width, c.height);
        c.dispatchEvent(new Event("contextrestored"));
      });
      await frames();
      assert.equal(await inkedPixels(page, canvas), drawn, `${slug}: drawn again as it was`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
