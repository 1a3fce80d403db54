// The preview server on its own: only files inside the output folder, whatever
// the encoding of the path; no folder listings; the client script in HTML pages;
// event streams that are counted while open and forgotten when the page goes.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_PATH, EVENTS_PATH } from "./client-script.ts";
import { requestSegments } from "./safe-path.ts";
import { PreviewServer } from "./server.ts";

function get(base: string, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("requestSegments", () => {
  it("refuses dot segments, encoded separators, backslashes and bad encodings", () => {
    for (const p of ["/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2E/x", "/a/%2e%2e%2fx", "/a%2fb", "/a%5cb", "/a\\..\\b", "/a/.%2e/x", "/a/%00", "/%zz", "/./x", "relative"]) {
      expect(requestSegments(p), p).toBeUndefined();
    }
    expect(requestSegments("/latest/index.html")).toEqual(["latest", "index.html"]);
    expect(requestSegments("/a%20b/")).toEqual(["a b", ""]);
  });
});

describe("PreviewServer", () => {
  let dir: string;
  let server: PreviewServer;
  let base: string;
  let memory = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "serve-server-"));
    const out = join(dir, "out");
    mkdirSync(join(out, "v1", "empty"), { recursive: true });
    writeFileSync(join(out, "index.html"), "<html><body><p>versions</p></body></html>");
    writeFileSync(join(out, "v1", "index.html"), "<html><body><p>on disk</p></body></html>");
    writeFileSync(join(out, "v1", "theme.css"), "body{}");
    writeFileSync(join(dir, "secret.txt"), "SECRET");
    symlinkSync(join(dir, "secret.txt"), join(out, "v1", "link.txt"));
    server = new PreviewServer({ outDir: out, host: "127.0.0.1", port: 0, memoryFiles: () => memory });
    base = await server.start();
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("binds 127.0.0.1 when told to", () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves files of the output folder, HTML with the client script", async () => {
    const page = await get(base, "/v1/index.html");
    expect(page.status).toBe(200);
    expect(page.body).toContain("on disk");
    expect(page.body).toContain(`<script src="${CLIENT_PATH}"></script></body>`);
    const css = await get(base, "/v1/theme.css");
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toContain("text/css");
    expect(css.body).toBe("body{}");
    expect((await get(base, "/v1/")).body).toContain("on disk");
    expect((await get(base, "/v1")).status).toBe(301);
    expect((await get(base, "/")).body).toContain("versions");
    expect((await get(base, CLIENT_PATH)).body).toContain("EventSource");
  });

  it("answers 404 for anything outside the folder, however the path is written", async () => {
    const paths = [
      "/../secret.txt",
      "/v1/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/v1/%2e%2e/%2e%2e/secret.txt",
      "/v1%2f..%2f..%2fsecret.txt",
      "/v1/..%5c..%5csecret.txt",
      "/v1\\..\\..\\secret.txt",
      "/v1/link.txt",
      "/v1/empty/",
      "/v1/empty",
      "/missing.html",
    ];
    for (const p of paths) {
      const r = await get(base, p);
      expect(r.status, p).toBe(404);
      expect(r.body, p).not.toContain("SECRET");
    }
  });

  it("serves the current build's pages from memory before the disk", async () => {
    memory = new Map([["v1/index.html", "<html><body><p>in memory</p></body></html>"]]);
    const page = await get(base, "/v1/index.html");
    expect(page.body).toContain("in memory");
    expect(page.body).toContain(CLIENT_PATH);
    memory = new Map();
  });

  it("streams events to open pages and forgets a page that goes away", async () => {
    const url = new URL(base);
    const chunks: string[] = [];
    const req = request({ host: url.hostname, port: url.port, path: EVENTS_PATH });
    await new Promise<void>((resolve) => {
      req.on("response", (res) => {
        expect(res.headers["content-type"]).toContain("text/event-stream");
        res.setEncoding("utf8");
        res.on("data", (c) => chunks.push(c));
        res.on("error", () => undefined);
        resolve();
      });
      req.end();
    });
    for (let i = 0; i < 50 && server.clientCount === 0; i++) await wait(10);
    expect(server.clientCount).toBe(1);
    server.showDiagnostics([{ severity: "error", code: "example-invalid", message: "bad", file: "api/a.yaml", line: 3 }]);
    server.reload(["index.html"]);
    for (let i = 0; i < 50 && !chunks.join("").includes("event: reload"); i++) await wait(10);
    const text = chunks.join("");
    expect(text).toContain('event: diagnostics\ndata: {"diagnostics":[{"severity":"error","code":"example-invalid","message":"bad","file":"api/a.yaml","line":3}]}');
    expect(text).toContain('event: reload\ndata: {"pages":["index.html"],"full":false,"sections":{}}');
    req.destroy();
    for (let i = 0; i < 50 && server.clientCount > 0; i++) await wait(10);
    expect(server.clientCount).toBe(0);
    // Sending to nobody is fine.
    server.reload([]);
  });

  it("tells a page that opens while the build is broken at once", async () => {
    server.showDiagnostics([{ severity: "error", code: "rst-error", message: "broken", file: "specification/a.rst", line: 7 }]);
    const url = new URL(base);
    const first = await new Promise<string>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path: EVENTS_PATH }, (res) => {
        res.setEncoding("utf8");
        let text = "";
        res.on("data", (c: string) => {
          text += c;
          if (text.includes("event: diagnostics")) {
            req.destroy();
            resolve(text);
          }
        });
        res.on("error", () => undefined);
      });
      req.on("error", () => undefined);
      req.end();
    });
    expect(first).toContain('"file":"specification/a.rst","line":7');
    server.reload([]);
  });

  it("refuses other methods", async () => {
    const url = new URL(base);
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path: "/v1/index.html", method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.end();
    });
    expect(status).toBe(405);
  });
});
