// Runs the wasm's browser tests (tests/web.rs) in WebKit. wasm-pack's test runner drives any
// WebDriver server it is pointed at as it would Safari's; here that is WebKitGTK's, on a virtual
// display, started at a free port on 127.0.0.1 and stopped by its PID. Exits as the tests do.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startWebDriver } from "./engines.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const ENV = {
  ...process.env,
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: "wasm-bindgen-test-runner",
  // The runner waits 20 s for the page by default; WebKit on a busy machine has taken longer
  // only to load the test scripts (a run that ended "timed out after 19.5s", no test begun).
  WASM_BINDGEN_TEST_TIMEOUT: "120",
};
// The runner's output as it comes, so that a run's first test shows as soon as it begins.
delete ENV.WASM_BINDGEN_TEST_NO_STREAM;

/** The browser's own environment, through the WebDriver server that starts it. */
const BROWSER_ENV = {
  // WebKit compiles the wasm on the main thread. With its compilers on threads of their own,
  // WebKitGTK 2.50.6 now and then stopped the debug build's map hatching with "Out of bounds
  // memory access" in code that reads no memory out of bounds: 26 of 230 runs of that one test
  // here, at random, with either allocator and with the memory grown beforehand; none of 90 runs
  // of it and none of 25 of the whole suite with compiling on the main thread, none of 40
  // without its baseline compiler, and never in Chromium or Firefox, which run the same tests.
  // What the tests check is unchanged. The page's checks in WebKit (reader.test.mjs) run the
  // shipped build without it, as a reader's browser does.
  JSC_useConcurrentJIT: "0",
};

/** The tests' command, its output passed on as it comes and kept; resolves to its status and output. */
function cargoTest(env) {
  return new Promise((resolve) => {
    const args = ["test", "--locked", "--target", "wasm32-unknown-unknown", "--test", "web"];
    const child = spawn("cargo", args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let printed = "";
    const keep = (to) => (chunk) => {
      printed += chunk;
      to.write(chunk);
    };
    child.stdout.on("data", keep(process.stdout));
    child.stderr.on("data", keep(process.stderr));
    child.once("error", (error) => resolve({ status: 1, printed: `${printed}${error.message}` }));
    child.once("close", (code) => resolve({ status: code ?? 1, printed }));
  });
}

/** One run of the tests against a WebDriver server of its own. */
async function run() {
  const driver = await startWebDriver("webkit", BROWSER_ENV);
  try {
    return await cargoTest({ ...ENV, SAFARIDRIVER_REMOTE: driver.url });
  } finally {
    driver.stop();
  }
}

let { status, printed } = await run();
// A fault of the WebDriver server before the suite began (a CI run ended "webdriver POST
// .../execute/sync request failed, http status: 500" while the page still loaded its scripts)
// is run again, once; any other failure, and any run in which a test began, stands as it ended.
const driverFault = /^Error: webdriver \S+ \S+ request failed$/m.test(printed);
if (status !== 0 && driverFault && !/^running \d+ tests?$/m.test(printed)) {
  console.error("[webkit] the WebDriver server failed before any test began; once more:");
  ({ status } = await run());
}
process.exit(status);
