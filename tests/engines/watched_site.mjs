// The deployable folder served by the project's own server (its gzip, its strict policy), behind a
// thin proxy on 127.0.0.1 that watches what a reader's browser would report, the same way in every
// engine: each page gets a first script of its own (watcher.js, allowed by the page's policy as
// one of its own files) that records errors and policy violations from the very start; the
// policy header also asks the browser to report violations here; and every answer of 400 or more
// is noted. A classic WebDriver session has no console log in Firefox and WebKit, so this is how
// "no console error" is checked in all three.
import { createServer, request } from "node:http";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { serve } from "../page/serve.mjs";
import { freePort } from "./engines.mjs";

const WATCHER = readFileSync(new URL("./watcher.js", import.meta.url));
const WATCHER_PATH = "/__watcher.js";
const REPORT_PATH = "/__policy-report";

/**
 * Starts the project's server and the proxy; returns { url, reports, failures, stop }, where
 * `reports` are the policy violations the browser sent and `failures` the answers of 400 or more.
 */
export async function watchedSite() {
  const site = await serve();
  const upstream = new URL(site.url);
  const reports = [];
  const failures = [];
  const proxy = createServer((req, res) => {
    if (req.url === WATCHER_PATH) {
      res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-cache" });
      res.end(WATCHER);
      return;
    }
    if (req.url === REPORT_PATH) {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        reports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const path = req.url.split("?")[0];
    const page = path.endsWith("/") || path.endsWith(".html");
    const headers = { ...req.headers, host: upstream.host };
    // A page is asked for uncompressed, so that the watcher can be put into it.
    if (page) delete headers["accept-encoding"];
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (answer) => {
      if (answer.statusCode >= 400) failures.push(`${answer.statusCode} ${req.url}`);
      const out = { ...answer.headers };
      if (out["content-security-policy"]) out["content-security-policy"] += `; report-uri ${REPORT_PATH}`;
      const isHtml = String(answer.headers["content-type"] || "").startsWith("text/html");
      if (!(page && isHtml)) {
        res.writeHead(answer.statusCode, out);
        answer.pipe(res);
        return;
      }
      const chunks = [];
      answer.on("data", (c) => chunks.push(c));
      answer.on("end", () => {
        let body = Buffer.concat(chunks);
        if (answer.headers["content-encoding"] === "gzip") body = gunzipSync(body);
        const html = body.toString("utf8").replace(/<head>/, `<head><script src="${WATCHER_PATH}"></script>`);
        delete out["content-encoding"];
        delete out["content-length"];
        res.writeHead(answer.statusCode, out);
        res.end(html);
      });
    });
    forward.on("error", (error) => {
      failures.push(`proxy: ${error.message} ${req.url}`);
      res.writeHead(502).end();
    });
    req.pipe(forward);
  });
  const port = await freePort();
  await new Promise((resolve) => proxy.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    reports,
    failures,
    stop() {
      proxy.close();
      proxy.closeAllConnections?.();
      site.stop();
    },
  };
}
