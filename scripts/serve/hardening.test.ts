// Issue 14 for the preview server: Host header check against DNS rebinding, a
// warning for addresses beyond loopback, no dot-folders (staging folders of a
// build) served, and pages served from memory when the output folder is gone.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestSegments } from "./safe-path.ts";
import { allowedHost, isLoopback, PreviewServer } from "./server.ts";

function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the Host header", () => {
  it("is allowed for loopback names and addresses, IP literals and the bound host; refused for other names", () => {
    for (const h of ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "app.localhost", "10.0.0.5", "[fe80::1]"]) expect(allowedHost(h, "127.0.0.1"), h).toBe(true);
    expect(allowedHost("docs.example.org:8000", "docs.example.org")).toBe(true);
    for (const h of ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example", ""]) expect(allowedHost(h, "127.0.0.1"), h).toBe(false);
    expect(allowedHost(undefined, "127.0.0.1")).toBe(true);
  });

  it("knows loopback addresses from others", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "::1", "localhost", "[::1]"]) expect(isLoopback(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.1.2", "example.org"]) expect(isLoopback(h), h).toBe(false);
  });
});

describe("the preview server", () => {
  let dir: string;
  let out: string;
  let server: PreviewServer;
  let base: string;
  const memory = new Map<string, string>([["v1/index.html", "<html><body><p>from memory</p></body></html>"], ["latest/index.html", "<html><body><p>latest from memory</p></body></html>"]]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "serve-hardening-"));
    out = join(dir, "out");
    mkdirSync(join(out, ".build-123-abc/v1"), { recursive: true });
    writeFileSync(join(out, ".build-123-abc/v1/index.html"), "<p>staging</p>");
    mkdirSync(join(out, "v1/.hidden"), { recursive: true });
    writeFileSync(join(out, "v1/.hidden/x.txt"), "hidden");
    writeFileSync(join(out, ".secret"), "dot file");
    server = new PreviewServer({ outDir: out, host: "127.0.0.1", port: 0, memoryFiles: () => memory });
    base = await server.start();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a request whose Host names another site (DNS rebinding), on pages and on the event stream", async () => {
    expect((await get(base, "/v1/", { Host: "evil.example:8000" })).status).toBe(403);
    expect((await get(base, "/__matrix_doc/events", { Host: "evil.example" })).status).toBe(403);
    expect((await get(base, "/v1/", { Host: "localhost:8000" })).status).toBe(200);
  });

  it("never serves dot-folders or dot files: a build's staging folder, a hidden folder", async () => {
    expect((await get(base, "/.build-123-abc/v1/index.html")).status).toBe(404);
    expect((await get(base, "/.build-123-abc/v1/")).status).toBe(404);
    expect((await get(base, "/v1/.hidden/x.txt")).status).toBe(404);
    expect((await get(base, "/.secret")).status).toBe(404);
    expect(requestSegments("/.build-1/x")).toBeUndefined();
  });

  it("serves the pages it holds in memory after the output folder is deleted", async () => {
    rmSync(out, { recursive: true, force: true });
    const page = await get(base, "/v1/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("from memory");
    expect((await get(base, "/latest/")).body).toContain("latest from memory");
    expect((await get(base, "/latest/index.html")).status).toBe(200);
  });
});

describe("matrix-doc serve --host", () => {
  it("warns when the address reaches beyond this machine", async () => {
    const { spawn } = await import("node:child_process");
    const { copyMiniTree, REPO } = await import("./test-tree.ts");
    // The warning does not depend on the tree: the small fixture tree is built before "serving".
    const t = copyMiniTree("serve-host-");
    const child = spawn(process.execPath, [join(REPO, "bin/matrix-doc.js"), "serve", "--root", t.root, "--out", t.out, "--host", "0.0.0.0", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    try {
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no "serving" line; stderr: ${stderr}`)), 50_000);
        child.stdout.on("data", (c) => {
          stdout += c;
          if (stdout.includes("serving")) {
            clearTimeout(timer);
            done();
          }
        });
      });
      expect(stderr).toContain("warning: --host 0.0.0.0 makes the preview reachable from other machines");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      t.remove();
    }
  });
});
