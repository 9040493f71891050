// Serves the project's root on 127.0.0.1 at a free port for a test, and stops the server by
// its PID afterwards.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Starts a static server; returns { url, stop }. `script` may name another server program. */
export async function serve({ script = null, args = [] } = {}) {
  const port = await freePort();
  const command = script
    ? ["python3", [script, String(port), ...args]]
    : ["python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1"]];
  const child = spawn(command[0], command[1], { cwd: ROOT, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  try {
    await waitUntilUp(url, Date.now() + 10_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
