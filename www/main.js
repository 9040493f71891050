// Loads the chart program and the figures file as early as possible, waits for the article to
// be parsed, then hands the figures to the program. If either fails, every chart figure keeps
// its static image and says why; the article is untouched.
import init, { mount } from "./pkg/reassurance_force.js";

const FIGURES_URL = new URL("data/figures.json", import.meta.url);
performance.mark("charts:script");

function showFailure(message) {
  for (const figure of document.querySelectorAll("figure[data-chart]")) {
    figure.dataset.state = "failed";
    const line = figure.querySelector("[data-status]");
    if (line) line.textContent = `The interactive chart did not load (${message}); the static version is shown.`;
  }
}

async function figuresText() {
  const response = await fetch(FIGURES_URL);
  if (!response.ok) throw new Error(`figures file: HTTP ${response.status}`);
  return response.text();
}

const parsed = new Promise((resolve) => {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve, { once: true });
  else resolve();
});

try {
  const [, text] = await Promise.all([init({ module_or_path: new URL("pkg/reassurance_force_bg.wasm", import.meta.url) }), figuresText()]);
  performance.mark("charts:loaded");
  await parsed;
  performance.mark("charts:parsed");
  mount(text);
  performance.mark("charts:mounted");
} catch (error) {
  await parsed;
  console.error("charts:", error);
  showFailure(error instanceof Error ? error.message : String(error));
}
