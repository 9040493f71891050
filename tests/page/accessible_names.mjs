// What the accessibility tree offers a reader: each node's role with its accessible name, and
// each accessible description, read from the browser's own tree (DevTools protocol), so that a
// test can tell whether anything left it. Run on its own with a folder and a file name, it
// records them for the page that folder's site serves (the record the test compares with).
import { writeFileSync } from "node:fs";

/** Roles whose names are only the page's running text, split up (read through their parents). */
const RUNNING_TEXT = new Set(["StaticText", "InlineTextBox", "LineBreak", "generic", "none", "paragraph", "ListMarker"]);

/** Sorted, distinct "role: name" and "description: …" lines of `page`'s accessibility tree. */
export async function accessibleNames(page) {
  const nodes = await accessibilityTree(page);
  const lines = new Set();
  for (const node of nodes) {
    if (node.ignored) continue;
    const role = node.role?.value ?? "";
    const name = (node.name?.value ?? "").replace(/\s+/g, " ").trim();
    if (name && !RUNNING_TEXT.has(role)) lines.add(`${role}: ${name}`);
    const description = (node.description?.value ?? "").replace(/\s+/g, " ").trim();
    if (description) lines.add(`description: ${description}`);
  }
  return [...lines].sort();
}

/** Every node of `page`'s accessibility tree, as the browser's DevTools protocol gives it. */
export async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const [out] = process.argv.slice(2);
  const { launch } = await import("./browser.mjs");
  const { serve } = await import("./serve.mjs");
  const server = await serve();
  const browser = await launch([]);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => [...document.querySelectorAll("figure[data-chart]")].every((f) => f.dataset.state === "drawn"));
    writeFileSync(out, JSON.stringify(await accessibleNames(page), null, 1) + "\n");
  } finally {
    await browser.close();
    server.stop();
  }
}
