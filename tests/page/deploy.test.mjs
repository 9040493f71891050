// The deployable folder: the server answers for the page's files alone, the folder holds exactly
// what the pages need, and its _headers file says what the server sends.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import { join, relative } from "node:path";
import { serve, ROOT } from "./serve.mjs";

const SITE = join(ROOT, "site");
let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

/** The status of a GET of `path`, sent as written (no client normalises it). */
function status(path) {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", reject);
    req.end();
  });
}

test("the server answers for the page's files and for nothing else of the project", async () => {
  assert.equal(await status("/"), 200);
  assert.equal(await status("/www/embed/budgets.html"), 200);
  for (const path of [
    "/.git/config",
    "/.git/",
    "/target/",
    "/src/lib.rs",
    "/src/",
    "/Cargo.toml",
    "/Cargo.lock",
    "/tests/package.json",
    "/www/main.js",
    "/../Cargo.toml",
    "/%2e%2e/Cargo.toml",
    "/www/../../Cargo.toml",
    "/..%2f..%2fCargo.toml",
    "/_headers",
  ]) {
    assert.equal(await status(path), 404, path);
  }
});

/** Every file below `dir`, relative to it. */
function filesBelow(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path).map((f) => join(name, f)) : [name];
  });
}

test("the folder holds the pages and exactly the files they name", () => {
  const files = filesBelow(SITE).sort();
  const pages = files.filter((f) => f === "index.html" || /^www\/embed\/[^/]+\.html$/.test(f));
  assert.ok(pages.length >= 2, `pages: ${pages}`);
  const named = new Set();
  for (const page of pages) {
    const text = readFileSync(join(SITE, page), "utf8");
    for (const [path] of text.matchAll(/www\/[A-Za-z0-9_\-/]+\.[a-z]+/g)) named.add(path);
  }
  assert.ok(named.size >= 20, `${named.size} files named`);
  for (const path of named) assert.ok(files.includes(path), `${path} is named but missing`);
  // A file packed ahead of time is kept beside the file it packs, one the host sends compressed,
  // and unpacks to it.
  const packed = (f) =>
    f.endsWith(".gz") && files.includes(f.slice(0, -3)) && /\.(html|css|js|json|svg|wasm|csv|bin)$/.test(f.slice(0, -3)) && gunzipSync(readFileSync(join(SITE, f))).equals(readFileSync(join(SITE, f.slice(0, -3))));
  const extra = files.filter((f) => !pages.includes(f) && !named.has(f) && f !== "_headers" && !packed(f));
  assert.deepEqual(extra, [], "files no page needs");
  assert.ok(!files.some((f) => relative(SITE, join(SITE, f)).startsWith("..")));
});

test("the _headers file says what the server sends: the page's policy, framing for embeds alone", async () => {
  const headers = readFileSync(join(SITE, "_headers"), "utf8");
  const sent = async (path) => (await fetch(new URL(path, server.url))).headers.get("content-security-policy");
  const page = await sent("");
  const embed = await sent("www/embed/budgets.html");
  assert.match(page, /frame-ancestors 'none'$/);
  assert.match(embed, /frame-ancestors \*$/);
  const rule = (path) => headers.split("\n").indexOf(path);
  assert.equal(headers.split("\n")[rule("/index.html") + 1], `  Content-Security-Policy: ${page}`);
  assert.equal(headers.split("\n")[rule("/www/embed/*") + 1], `  Content-Security-Policy: ${embed}`);
  const nginx = readFileSync(join(ROOT, "site-nginx.conf"), "utf8");
  assert.ok(nginx.includes(`"${embed}"`) && nginx.includes(`"${page}"`), nginx);
});

/** The body of a GET of `path` as sent, not decoded, and its headers. */
function sent(path, encoding) {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { "Accept-Encoding": encoding } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("the page's files are packed ahead of time, tighter than gzip -9, and sent so", async () => {
  for (const path of ["index.html", "www/pkg/reassurance_force_bg.wasm", "www/pkg/reassurance_force.js", "www/style.css", "www/data/figures.bin"]) {
    const file = readFileSync(join(SITE, path));
    assert.ok(existsSync(join(SITE, `${path}.gz`)), `${path} has no packed copy`);
    const packed = readFileSync(join(SITE, `${path}.gz`));
    assert.ok(gunzipSync(packed).equals(file), `${path}.gz unpacks to the file`);
    const level9 = spawnSync("gzip", ["-9c"], { input: file, maxBuffer: 16 * 1024 * 1024 }).stdout.length;
    assert.ok(packed.length < level9, `${path}: ${packed.length} bytes packed, ${level9} at gzip -9`);
    const { body, headers } = await sent(`/${path === "index.html" ? "" : path}`, "gzip, deflate");
    assert.equal(headers["content-encoding"], "gzip", path);
    assert.ok(body.equals(packed), `${path}: the packed copy is what is sent (${body.length} bytes sent)`);
    const plain = await sent(`/${path}`, "identity");
    assert.equal(plain.headers["content-encoding"], undefined, `${path}, to a client that takes no gzip`);
    assert.ok(plain.body.equals(file), `${path} as it is, to a client that takes no gzip`);
  }
  // The packed copies are files of the folder, never the only form a file is sent in.
  const { body } = await sent("/www/pkg/reassurance_force_bg.wasm", "br");
  assert.ok(body.equals(readFileSync(join(SITE, "www/pkg/reassurance_force_bg.wasm"))));
});

test("a packed copy is sent only for the version of the file it was packed from", async () => {
  const dir = mkdtempSync(join(tmpdir(), "packed-"));
  const own = await (async () => {
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>packed</title>");
    // Older than its file: the file was built again after it was packed.
    writeFileSync(join(dir, "older.js"), "const fresh = 1;\n".repeat(50));
    writeFileSync(join(dir, "older.js.gz"), gzipSync("const stale = 1;\n".repeat(50)));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "older.js.gz"), past, past);
    // As new as its file, but packed from another version (another length).
    writeFileSync(join(dir, "other.js"), "const fresh = 1;\n".repeat(50));
    writeFileSync(join(dir, "other.js.gz"), gzipSync("const other = 22;\n".repeat(50)));
    // Packed from this version.
    writeFileSync(join(dir, "same.js"), "const fresh = 1;\n".repeat(50));
    writeFileSync(join(dir, "same.js.gz"), Buffer.concat([gzipSync("const fresh = 1;\n".repeat(50))]));
    return serve(dir);
  })();
  try {
    const { hostname, port } = new URL(own.url);
    const get = (path) =>
      new Promise((resolve, reject) => {
        const req = request({ hostname, port, path, headers: { "Accept-Encoding": "gzip" } }, (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve(Buffer.concat(chunks)));
        });
        req.on("error", reject);
        req.end();
      });
    for (const name of ["older.js", "other.js", "same.js"]) {
      assert.equal(gunzipSync(await get(`/${name}`)).toString(), "const fresh = 1;\n".repeat(50), name);
    }
    assert.ok((await get("/same.js")).equals(readFileSync(join(dir, "same.js.gz"))), "the packed copy of this version, as it is");
  } finally {
    own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
