// Runs the wasm's browser tests (tests/web.rs) in WebKit. wasm-pack's test runner drives any
// WebDriver server it is pointed at as it would Safari's; here that is WebKitGTK's, on a virtual
// display, started at a free port on 127.0.0.1 and stopped by its PID. Exits as the tests do.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startWebDriver } from "./engines.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const driver = await startWebDriver("webkit");
let status = 1;
try {
  const run = spawnSync("cargo", ["test", "--locked", "--target", "wasm32-unknown-unknown", "--test", "web"], {
    cwd: ROOT,
    stdio: "inherit",
    // The runner waits 20 s for the page by default; WebKit on a busy machine has taken longer
    // only to load the test scripts (a run that ended "timed out after 19.5s", no test begun).
    env: { ...process.env, SAFARIDRIVER_REMOTE: driver.url, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: "wasm-bindgen-test-runner", WASM_BINDGEN_TEST_TIMEOUT: "120" },
  });
  status = run.status ?? 1;
} finally {
  driver.stop();
}
process.exit(status);
