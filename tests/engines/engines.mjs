// The three browser engines a reader may bring (Blink, Gecko, WebKit), each the system's own build
// driven through its WebDriver server: Chromium by chromedriver, Firefox ESR by geckodriver,
// WebKitGTK's MiniBrowser by WebKitWebDriver on a virtual display (it has no headless mode).
// Every session draws at two device pixels per CSS pixel, as most phones do. The servers and the
// display are started at free ports and stopped by their PIDs.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { Builder } from "selenium-webdriver";
import { FLAGS as CHROMIUM_FLAGS } from "../page/browser.mjs";
import { freePort } from "../page/serve.mjs";

export { freePort };

/** Firefox preferences: no first-run pages, no network of its own. */
const FIREFOX_PREFS = {
  "browser.shell.checkDefaultBrowser": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "toolkit.telemetry.enabled": false,
  "app.update.enabled": false,
  "network.captive-portal-service.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "extensions.update.enabled": false,
};

/** geckodriver, as the test command installs it (on the PATH, from the Rust registry). */
const GECKODRIVER = process.env.GECKODRIVER || "geckodriver";

/** WebKitGTK's browser, in the system's library folder for its architecture. */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  const found = readdirSync("/usr/lib")
    .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path));
  return found || "MiniBrowser";
}

/**
 * Each engine: the browser named for the reader, how its WebDriver server is started, and the
 * capabilities of a session with or without JavaScript.
 */
export const ENGINES = {
  chromium: {
    browser: "Chromium",
    server: (port) => ({ command: "/usr/bin/chromedriver", args: [`--port=${port}`] }),
    capabilities: ({ javascript }) => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: process.env.CHROMIUM || "/usr/bin/chromium",
        args: [...CHROMIUM_FLAGS, "--force-device-scale-factor=2", "--window-size=1000,900"],
        prefs: javascript ? {} : { "profile.managed_default_content_settings.javascript": 2 },
      },
    }),
    canPrint: true,
  },
  firefox: {
    browser: "Firefox",
    server: (port) => ({ command: GECKODRIVER, args: ["--port", String(port), "--host", "127.0.0.1"] }),
    capabilities: ({ javascript }) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX || "/usr/bin/firefox-esr",
        args: ["-headless", "--width=2000", "--height=1800"],
        prefs: { ...FIREFOX_PREFS, "layout.css.devPixelsPerPx": "2", "javascript.enabled": javascript },
      },
    }),
    canPrint: true,
  },
  webkit: {
    browser: "WebKit",
    display: true,
    // GTK scales the whole window, so WebKit lays out at two device pixels per CSS pixel.
    server: (port) => ({ command: "WebKitWebDriver", args: [`--port=${port}`, "--host=127.0.0.1"], env: { GDK_SCALE: "2" } }),
    capabilities: ({ javascript }) => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: miniBrowser(),
        args: ["--automation", ...(javascript ? [] : ["--enable-javascript=false"])],
      },
    }),
    // WebKitWebDriver has no Print command: print is checked through the print style sheet alone.
    canPrint: false,
  },
};

/** The engines to test: $ENGINE (one name, or several separated by commas), or all three. */
export function chosenEngines() {
  const names = (process.env.ENGINE || Object.keys(ENGINES).join(",")).split(",").filter(Boolean);
  for (const name of names) {
    if (!ENGINES[name]) throw new Error(`unknown engine "${name}": one of ${Object.keys(ENGINES).join(", ")}`);
  }
  return names;
}

/** Stops a process started here: SIGTERM, then SIGKILL if it is still there a second later. */
function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  try {
    process.kill(child.pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const last = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
  }, 1000);
  last.unref();
  child.once("exit", () => clearTimeout(last));
}

/** Starts a virtual display (Xvfb) at a free display number; resolves to { display, child }. */
function startDisplay() {
  return new Promise((resolve, reject) => {
    const child = spawn("Xvfb", ["-displayfd", "1", "-screen", "0", "2600x2000x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`Xvfb exited (${code}) before it gave its display`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve({ display: `:${out.trim()}`, child });
    });
  });
}

async function waitUntilReady(url, deadline, child, what) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before it was ready`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok && (await response.json()).value?.ready !== false) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

/** The environment the engine's server runs in, with a display of its own if it needs one. */
async function readyDisplay(engine) {
  const env = { ...process.env };
  if (!engine.display) return { env, display: null };
  const display = await startDisplay();
  env.DISPLAY = display.display;
  return { env, display };
}

/** Starts a WebDriver server at a free port; resolves to { url, child }. */
async function startServer(engine, env) {
  const port = await freePort();
  const { command, args, env: extra = {} } = engine.server(port);
  const child = spawn(command, args, { env: { ...env, ...extra }, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  try {
    await new Promise((resolve, reject) => {
      child.once("error", (error) => reject(new Error(`${command} could not start: ${error.message}`)));
      waitUntilReady(url, Date.now() + 20_000, child, command).then(resolve, reject);
    });
  } catch (error) {
    stopProcess(child);
    throw error;
  }
  return { url, child };
}

/**
 * Starts the WebDriver server of `name` alone (with its display, if it needs one), for a client
 * that opens its own session; returns { url, stop }. `browserEnv` is added to the server's
 * environment, which the browser it starts inherits.
 */
export async function startWebDriver(name, browserEnv = {}) {
  const engine = ENGINES[name];
  const { env, display } = await readyDisplay(engine);
  try {
    const server = await startServer(engine, { ...env, ...browserEnv });
    return {
      url: server.url,
      stop: () => {
        stopProcess(server.child);
        stopProcess(display?.child);
      },
    };
  } catch (error) {
    stopProcess(display?.child);
    throw error;
  }
}

/**
 * Readies the engine `name` (its display, if it needs one). Returns { session({ javascript }),
 * stop() }. Each session is a selenium WebDriver with a WebDriver server of its own (geckodriver
 * and WebKitWebDriver hold one session at a time); its `quit()` stops that server too.
 */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const { env, display } = await readyDisplay(engine);
  const session = async ({ javascript = true } = {}) => {
    const server = await startServer(engine, env);
    try {
      const driver = await new Builder().usingServer(server.url).withCapabilities(engine.capabilities({ javascript })).build();
      const quit = driver.quit.bind(driver);
      driver.quit = async () => {
        try {
          await quit();
        } finally {
          stopProcess(server.child);
        }
      };
      return driver;
    } catch (error) {
      stopProcess(server.child);
      throw error;
    }
  };
  return { ...engine, name, session, stop: () => stopProcess(display?.child) };
}
