// The listener the README gives to sites that embed a chart: each frame is sized to its page.
addEventListener("message", (event) => {
  const height = event.data && event.data.reassuranceForceHeight;
  if (typeof height !== "number" || !(height > 0) || height > 20000) return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source) frame.style.height = `${height}px`;
  }
});
