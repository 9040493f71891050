// Put first into each page by the test server (watched_site.mjs): records, from the very start,
// what a reader's browser would report as an error, in the same way in every engine. Not part of
// the page.
(() => {
  const seen = { errors: [], violations: [] };
  window.__watched = seen;
  // In the capture phase, so that a file that fails to load (an image, a script) is seen too.
  addEventListener(
    "error",
    (e) => {
      const target = e.target && e.target !== window ? e.target : null;
      seen.errors.push(target ? `failed to load ${target.currentSrc || target.src || target.href || target.tagName}` : `${e.message} (${e.filename}:${e.lineno})`);
    },
    true,
  );
  addEventListener("unhandledrejection", (e) => seen.errors.push(`unhandled rejection: ${e.reason}`));
  document.addEventListener("securitypolicyviolation", (e) => seen.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  const original = console.error;
  console.error = (...args) => {
    seen.errors.push(`console.error: ${args.map(String).join(" ")}`);
    original.apply(console, args);
  };
})();
