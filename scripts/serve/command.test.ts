// `matrix-doc serve` as a process: it binds 127.0.0.1, serves the built pages,
// stops with exit 0 on Ctrl-C (SIGINT), and refuses bad options and a taken
// port with exit 2.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyMiniTree, REPO, type TempTree } from "./test-tree.ts";

const CLI = join(REPO, "bin/matrix-doc.js");

function waitForLine(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${ms} ms; output: ${out}`)), ms);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
  });
}

describe("matrix-doc serve (process)", () => {
  let tree: TempTree;

  beforeAll(() => {
    // What these tests check (the address, the page served with the preview's
    // script, the exit codes) does not depend on the tree: the small fixture
    // tree, which the process builds in a fraction of the repository's time.
    tree = copyMiniTree("serve-cli-");
  });

  afterAll(() => tree?.remove());

  it("serves on 127.0.0.1 and exits 0 on SIGINT", async () => {
    const child = spawn(process.execPath, [CLI, "serve", "--root", tree.root, "--out", tree.out, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const m = await waitForLine(child, /on (http:\/\/[^/\s]+)\/latest\//, 90_000);
      expect(m[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${m[1]}/latest/index.html`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("/__matrix-doc/client.js");
      // An open event stream must not keep the process alive.
      const controller = new AbortController();
      const events = await fetch(`${m[1]}/__matrix-doc/events`, { signal: controller.signal });
      expect(events.headers.get("content-type")).toContain("text/event-stream");
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      controller.abort();
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 120_000);

  it("refuses a bad port, and a taken port, with exit 2", async () => {
    const bad = spawnSync(process.execPath, [CLI, "serve", "--root", tree.root, "--port", "http"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--port");
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const taken = spawn(process.execPath, [CLI, "serve", "--root", tree.root, "--out", tree.out, "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      taken.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => taken.on("exit", (c) => resolve(c)));
      expect(code).toBe(2);
      expect(stderr).toContain(`port ${port} is in use`);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
