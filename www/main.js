// The chart loader. The build writes it into each page's <head> (with its hash in the page's
// security policy), so it runs while the article is still being parsed: it starts fetching the
// glue and the figures (the digest the build writes of the figures file) at once and the chart program after the first paint, and hands the
// figures over once the article is parsed. Until the charts are drawn their static images are
// neither fetched nor shown (the style sheet hides them under "charts-live"); they come back for
// any chart that fails, for a chart the reader scrolls to before it is drawn, and for all
// charts still waiting after a few seconds (a slow connection). Without JavaScript none of this
// runs and the static charts show from the start.
(() => {
  const root = document.documentElement;
  const base = new URL((document.currentScript && document.currentScript.dataset.root) || "", document.baseURI);
  const url = (path) => new URL(path, base);
  root.classList.add("charts-live");
  const slow = setTimeout(() => root.classList.add("charts-slow"), 2500);
  performance.mark("charts:script");
  // Paper has no controls, but it has the reader's country when one is chosen.
  addEventListener("beforeprint", () => {
    const picker = document.getElementById("your-country");
    if (picker) picker.form.toggleAttribute("data-chosen", picker.value !== "");
  });

  // Every figure shows the failure; only the first says it aloud (its status line stays a live
  // region), so that a screen reader hears it once, not once per chart.
  function showFailure(message) {
    document.querySelectorAll("figure[data-chart]").forEach((figure, i) => {
      figure.dataset.state = "failed";
      const line = figure.querySelector("[data-status]");
      if (!line) return;
      if (i > 0) line.removeAttribute("role");
      line.textContent = `The interactive chart did not load (${message}); the static version is shown.`;
    });
  }

  async function figuresBytes() {
    const response = await fetch(url("www/data/figures.bin"));
    if (!response.ok) throw new Error(`figures file: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  // The chart program, the largest file, is asked for once the article's first words are on
  // screen (the browser reports that paint once it is shown; without such reports, two frames
  // on): the main thread is busy laying the article out until then anyway, so the charts are
  // not drawn later, and the article's first paint never shares the network with it.
  const painted = new Promise((resolve) => {
    const reported = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (!reported.includes("paint")) {
      requestAnimationFrame(() => requestAnimationFrame(resolve));
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: "paint", buffered: true });
  });

  async function compiled() {
    await painted;
    const response = await fetch(url("www/pkg/reassurance_force_bg.wasm"));
    if (!response.ok) throw new Error(`chart program: HTTP ${response.status}`);
    return WebAssembly.compileStreaming(response);
  }

  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve, { once: true });
    else resolve();
  });
  const work = [import(url("www/pkg/reassurance_force.js")), compiled(), figuresBytes()];

  // A chart the reader scrolls to before it is drawn shows its static version meanwhile (the
  // style sheet shows a "reached" figure's image until its drawing is there). Those in view at
  // load, before any scroll, are drawn first and wait for it: the browser's first report lists
  // them, and is passed over unless the page has scrolled already.
  if (typeof IntersectionObserver === "function") {
    // When the page first scrolled. The first report is judged by when the browser looked, not
    // by when the report arrives: one looked at before a scroll but handed over after it lists
    // the charts in view at load, which wait for their drawing.
    let scrolledAt = Infinity;
    addEventListener("scroll", () => (scrolledAt = performance.now()), { once: true, passive: true });
    parsed.then(() => {
      let first = true;
      const watch = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          const figure = entry.target;
          if (figure.dataset.state) watch.unobserve(figure);
          else if (entry.isIntersecting && (!first || entry.time >= scrolledAt)) figure.dataset.reached = "";
        }
        first = false;
      });
      document.querySelectorAll("figure[data-chart]").forEach((f) => watch.observe(f));
    });
  }

  // The second chart program, which draws a chart for the reader to take away (an image or
  // SVG), fetched only when a reader reaches for a download button: the program every reader
  // loads carries none of it. draw(format, figure, query) draws a download, a promise of what
  // to tell the reader, and draw("") fetches it ahead.
  function drawForDownload(bytes) {
    let loading = null;
    const load = () =>
      (loading ||= import(url("www/pkg/take_away.js"))
        .then(async (second) => {
          await second.default({ module_or_path: url("www/pkg/take_away_bg.wasm") });
          return second;
        })
        .catch((error) => {
          loading = null;
          throw error;
        }));
    return (format, figure, query) =>
      format ? load().then((second) => second.takeAway(format, figure, bytes, query, shapes)) : load().then(() => "", () => "");
  }

  // Taking a chart away, once the chart program runs (the link it hands over is the reader's
  // scenario). "Download image" and "Download SVG", and the reader's scenario as CSV, are made
  // by the second program, fetched as a reader reaches for one (pointer down or focus); "Share" is done at once, as browsers let a
  // page share or copy only straight after the reader's action: the link to the scenario at the
  // chart's heading, handed to the system's share sheet where the browser has one, else
  // copied. The figure's line says what happened once the browser has answered, and shows the
  // link to copy by hand if the clipboard refuses.
  function offerTakeAway(program, bytes) {
    const draw = drawForDownload(bytes);
    const buttonOf = (event, formats) => {
      const button = event.target instanceof Element && event.target.closest("[data-take-away]");
      return button && formats.includes(button.dataset.takeAway) ? button : null;
    };
    const tell = (figure, words) => {
      const line = figure.querySelector("[data-take-away-said]");
      if (line) line.textContent = words;
    };
    const copy = (figure, link) => {
      const byHand = `Copy this link: ${link}`;
      try {
        navigator.clipboard.writeText(link).then(() => tell(figure, `Link copied: ${link}`), () => tell(figure, byHand));
      } catch {
        tell(figure, byHand);
      }
    };
    const share = (figure) => {
      const heading = figure.querySelector(".chart-title[id]");
      const link = location.origin + location.pathname + program.scenarioQuery() + (heading ? `#${heading.id}` : "");
      if (typeof navigator.share !== "function") return copy(figure, link);
      const title = (figure.querySelector(".chart-title")?.textContent || "").trim().replace(/\s+/g, " ");
      // Shared: the sheet said so. Closed by the reader: nothing to say. Refused (a frame without
      // leave to share): the link is copied instead.
      let asked;
      try {
        asked = navigator.share({ url: link, title });
      } catch {
        return copy(figure, link);
      }
      Promise.resolve(asked).then(() => tell(figure, ""), (error) => error?.name === "AbortError" || copy(figure, link));
    };
    // Not for a chart the program could not draw (a damaged figures file fails them all).
    document.querySelectorAll('figure[data-chart]:not([data-state="failed"]) [data-take-away-row]').forEach((row) => (row.hidden = false));
    const reached = (event) => buttonOf(event, ["png", "svg", "csv"]) && draw("");
    document.addEventListener("pointerdown", reached);
    document.addEventListener("focusin", reached);
    document.addEventListener("click", (event) => {
      const button = buttonOf(event, ["png", "svg", "csv", "share"]);
      const figure = button?.closest("figure[data-chart]");
      if (!figure) return;
      const format = button.dataset.takeAway;
      if (format === "share") return share(figure);
      // The reader's scenario as CSV (a link, to the static file without the program).
      event.preventDefault();
      if (format !== "csv") tell(figure, "Drawing…");
      const failed = () => tell(figure, "The chart could not be drawn for download.");
      draw(format, figure, program.scenarioQuery()).then((said) => tell(figure, said), failed);
    });
  }

  // The maps' shapes, the page's largest data after the program, are fetched only once a map
  // nears the screen (a screen and a half ahead, so that they are there when it arrives) and
  // handed to the program, which draws each map then; a map whose shapes do not come says why
  // and keeps its static version.
  let shapes = new Uint8Array(0);
  function fetchShapesNearMaps(program) {
    const maps = [...document.querySelectorAll("figure[data-shapes]")];
    if (!maps.length) return;
    const fetchShapes = async () => {
      try {
        const response = await fetch(url(maps[0].dataset.shapes));
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        shapes = new Uint8Array(await response.arrayBuffer());
        program.addMaps(shapes);
      } catch (error) {
        program.addMaps(new Uint8Array(0), error instanceof Error ? error.message : String(error));
      }
    };
    if (typeof IntersectionObserver !== "function") return void fetchShapes();
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.disconnect();
        fetchShapes();
      },
      { rootMargin: "150% 0px" },
    );
    maps.forEach((map) => near.observe(map));
  }

  // In a frame (an embedded chart), the page around it is told this page's height, so that the
  // frame can fit it; the message carries nothing else.
  if (window.parent !== window && typeof ResizeObserver === "function") {
    const tell = () => window.parent.postMessage({ reassuranceForceHeight: Math.ceil(root.getBoundingClientRect().height) }, "*");
    new ResizeObserver(tell).observe(root);
  }

  (async () => {
    try {
      const [program, module, bytes] = await Promise.all(work);
      await program.default({ module_or_path: module });
      performance.mark("charts:loaded");
      await parsed;
      program.mount(bytes);
      performance.mark("charts:mounted");
      offerTakeAway(program, bytes);
      fetchShapesNearMaps(program);
    } catch (error) {
      await parsed;
      console.error("charts:", error);
      showFailure(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(slow);
    }
  })();
})();
