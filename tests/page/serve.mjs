// Serves the deployable folder on 127.0.0.1 at a free port, with the project's own server (as
// .ci/serve does), and stops the server by its PID afterwards.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort() {
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

/**
 * Starts the project's server (gzip, strict CSP) at a free port, serving the deployable folder
 * (site/) or `folder`; returns { url, stop }.
 */
export async function serve(folder) {
  const port = await freePort();
  const args = [".ci/server.py", String(port), ...(folder ? [folder] : [])];
  const child = spawn("python3", args, { cwd: ROOT, stdio: "ignore" });
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
