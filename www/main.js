// Starts the chart program as early as the page allows: while the article is still being
// parsed it compiles the wasm, loads the glue module and fetches the figures file; once the
// article is parsed it hands the figures to the program. If anything fails, every chart figure
// keeps its static image and says why; the article is untouched.
// A classic async script (not a module), so that it can run before parsing ends.
(() => {
  const here = document.currentScript ? document.currentScript.src : document.baseURI;
  const url = (path) => new URL(path, here);
  performance.mark("charts:script");

  function showFailure(message) {
    for (const figure of document.querySelectorAll("figure[data-chart]")) {
      figure.dataset.state = "failed";
      const line = figure.querySelector("[data-status]");
      if (line) line.textContent = `The interactive chart did not load (${message}); the static version is shown.`;
    }
  }

  async function figuresText() {
    const response = await fetch(url("data/figures.json"));
    if (!response.ok) throw new Error(`figures file: HTTP ${response.status}`);
    return response.text();
  }

  async function compiled() {
    const response = await fetch(url("pkg/reassurance_force_bg.wasm"));
    if (!response.ok) throw new Error(`chart program: HTTP ${response.status}`);
    return WebAssembly.compileStreaming(response);
  }

  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve, { once: true });
    else resolve();
  });
  const work = [import(url("pkg/reassurance_force.js")), compiled(), figuresText()];

  // In a frame (an embedded chart), the page around it is told this page's height, so that the
  // frame can fit it; the message carries nothing else.
  if (window.parent !== window && typeof ResizeObserver === "function") {
    const root = document.documentElement;
    const tell = () => window.parent.postMessage({ reassuranceForceHeight: Math.ceil(root.getBoundingClientRect().height) }, "*");
    new ResizeObserver(tell).observe(root);
  }

  (async () => {
    try {
      const [program, module, text] = await Promise.all(work);
      await program.default({ module_or_path: module });
      performance.mark("charts:loaded");
      await parsed;
      program.mount(text);
      performance.mark("charts:mounted");
    } catch (error) {
      await parsed;
      console.error("charts:", error);
      showFailure(error instanceof Error ? error.message : String(error));
    }
  })();
})();
