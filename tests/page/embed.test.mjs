// A chart embedded in another site's page: its own page per chart, framed with an <iframe>,
// drawn with the scenario of its address, sized to its content, and framable while the article
// is not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { servedPage, open, CHART_SLUGS } from "./browser.mjs";

const shared = servedPage({ before, after });
const SLUGS = CHART_SLUGS;

test("every chart has an embed page that other sites may frame, and the article may not be framed", async () => {
  const policy = async (path) => (await fetch(new URL(path, shared.server.url))).headers.get("content-security-policy");
  assert.match(await policy("/"), /frame-ancestors 'none'/);
  for (const slug of SLUGS) {
    const response = await fetch(new URL(`www/embed/${slug}.html`, shared.server.url));
    assert.equal(response.status, 200, slug);
    assert.match(response.headers.get("content-security-policy"), /frame-ancestors \*/, slug);
    const html = await response.text();
    assert.equal(html.match(/<figure /g)?.length, 1, `${slug}: one figure`);
    assert.ok(html.includes(`data-chart="${slug}"`), slug);
  }
});

test("an embedded chart draws the scenario of its address, fits its frame and opens links outside it", async () => {
  // The host page is another site's: the server of the deployable folder has no such page, so
  // the browser is handed it (as another origin's page would be) under /host/.
  const { page, errors, context } = await open(shared.browser, "about:blank", { width: 700 });
  await page.route(/\/host\/embed_host\.(html|css|js)$/, (route) =>
    route.fulfill({ path: fileURLToPath(new URL(basename(new URL(route.request().url()).pathname), import.meta.url)) }),
  );
  await page.goto(`${shared.server.url}host/embed_host.html`, { waitUntil: "load" });
  try {
    const frame = page.frameLocator("#embedded");
    await frame.locator('figure[data-chart="troop-share"][data-state="drawn"]').waitFor();
    assert.match(await frame.locator("[data-takeaway]").textContent(), /a force of 60,000/i);
    assert.equal(await frame.locator("figure").count(), 1);
    // The host's listener sizes the frame to the embed page's height (once the frame has grown,
    // its scroll bar goes and the page reflows once more, so this settles over a few messages).
    let sizes = [];
    for (let tries = 0; tries < 50; tries += 1) {
      sizes = [
        await page.$eval("#embedded", (f) => f.clientHeight),
        await frame.locator("html").evaluate((h) => h.getBoundingClientRect().height),
      ];
      if (sizes[0] > 600 && Math.abs(sizes[0] - sizes[1]) <= 1) break;
      await page.waitForTimeout(100);
    }
    assert.ok(sizes[0] > 600 && Math.abs(sizes[0] - sizes[1]) <= 1, `frame ${sizes[0]} px for a page of ${sizes[1]} px`);
    const links = await frame.locator("a[href]").evaluateAll((as) => as.map((a) => [a.getAttribute("target"), a.href, a.hasAttribute("download"), a.textContent]));
    assert.ok(links.length >= 3);
    for (const [target, href, download, words] of links) {
      // A download stays in the frame; anything else opens outside it, and says so.
      if (download) {
        assert.equal(target, null, href);
        assert.ok(!words.includes("new tab"), words);
        continue;
      }
      assert.equal(target, "_blank", href);
      assert.ok(words.endsWith(" ↗ (opens in a new tab)"), `${href}: “${words}”`);
    }
    assert.ok(links.some(([, href]) => href.endsWith("/index.html")), "a link back to the article");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("an embed page on its own passes axe-core and works without JavaScript", async () => {
  const { page, context } = await open(shared.browser, `${shared.server.url}www/embed/budgets.html`, { width: 600 });
  try {
    await page.locator('figure[data-chart="budgets"][data-state="drawn"]').waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`), []);
  } finally {
    await context.close();
  }
  const plain = await shared.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await plain.newPage();
    await page.goto(`${shared.server.url}www/embed/budgets.html`);
    assert.ok(await page.locator(".chart-fallback").evaluate((img) => img.complete && img.naturalWidth > 0));
    assert.ok((await page.locator("tbody tr").count()) > 3);
  } finally {
    await plain.close();
  }
});
