// A stand-in for the chart loader, for the load benchmark's floors: the same article, its
// figures marked drawn without a chart being drawn. With data-mode="parsed" they are marked as
// soon as the article is parsed; with data-mode="program" once the chart program has also been
// fetched (at once, not after the first paint), compiled and instantiated. What the real page
// takes beyond the second is the charts' own work: reading the figures, making each chart live
// and drawing it.
(() => {
  const mode = document.currentScript.dataset.mode;
  document.documentElement.classList.add("charts-live");
  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve, { once: true });
    else resolve();
  });
  const loaded =
    mode === "program"
      ? Promise.all([import("/www/pkg/reassurance_force.js"), WebAssembly.compileStreaming(fetch("/www/pkg/reassurance_force_bg.wasm"))]).then(([program, module]) =>
          program.default({ module_or_path: module }),
        )
      : Promise.resolve();
  Promise.all([parsed, loaded]).then(() => {
    for (const figure of document.querySelectorAll("figure[data-chart]")) figure.dataset.state = "drawn";
  });
})();
