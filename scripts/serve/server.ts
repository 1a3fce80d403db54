// The preview's HTTP server: the files of the output folder (nothing outside it,
// no directory listings), the client script added to every HTML page, and an
// event stream (Server-Sent Events) on which the pages hear about reloads and
// build problems. Pages of the current build may be served from memory before
// they are written to disk.
import { createReadStream, readFileSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, injectClient, MORPH_PATH } from "./client-script.ts";
import { allowedHost } from "./host-check.ts";
import { morphLibrary } from "./morph-library.ts";
import { requestSegments, resolveInside } from "./safe-path.ts";

export { allowedHost, isLoopback } from "./host-check.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".rst": "text/plain; charset=utf-8",
};

export interface PreviewServerOptions {
  /** The output folder; it is created by the first build if missing. */
  outDir: string;
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Files of the current build by path inside the output folder (e.g. `latest/index.html`), served before the disk. */
  memoryFiles?: () => ReadonlyMap<string, string>;
}

/** A diagnostic as the page's overlay gets it. */
type OverlayDiagnostic = Pick<Diagnostic, "severity" | "code" | "message" | "file" | "line" | "column">;

export class PreviewServer {
  private server: Server | undefined;
  private readonly clients = new Set<ServerResponse>();
  private diagnostics: OverlayDiagnostic[] = [];
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: PreviewServerOptions) {}

  /** Starts listening; resolves with the base URL, or rejects (e.g. the port is taken). */
  start(): Promise<string> {
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    return new Promise((resolvePromise, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off("error", reject);
        server.on("error", () => undefined);
        const address = server.address() as AddressInfo;
        const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
        // A comment on every stream now and then, so that proxies and browsers keep it open.
        this.heartbeat = setInterval(() => this.broadcast(": keep-alive\n\n"), 20_000);
        this.heartbeat.unref();
        resolvePromise(`http://${host}:${address.port}`);
      });
    });
  }

  /** Open event streams (for tests). */
  get clientCount(): number {
    return this.clients.size;
  }

  /** Tells the pages that `pages` (file names such as `index.html`) changed, and that the build is fine again. */
  reload(pages: readonly string[], full = false, sections: Record<string, { id: string; html: string }> = {}): void {
    this.diagnostics = [];
    this.broadcast(event("diagnostics", { diagnostics: [] }) + event("reload", { pages, full, sections }));
  }

  /** Shows the build's problems over the pages (an empty list removes the overlay). */
  showDiagnostics(diagnostics: readonly Diagnostic[]): void {
    this.diagnostics = diagnostics.map(({ severity, code, message, file, line, column }) => ({ severity, code, message, file, line, column }));
    this.broadcast(event("diagnostics", { diagnostics: this.diagnostics }));
  }

  /** Ends every event stream and stops the server. */
  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  }

  private broadcast(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    try {
      this.route(req, res);
    } catch {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "internal error\n");
      else res.destroy();
    }
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return send(res, 405, "text/plain; charset=utf-8", "method not allowed\n");
    }
    if (!allowedHost(req.headers.host, this.options.host)) {
      return send(res, 403, "text/plain; charset=utf-8", "This preview answers only requests for localhost or its own address.\n");
    }
    const rawPath = (req.url ?? "/").split(/[?#]/, 1)[0];
    if (rawPath === EVENTS_PATH) return this.openStream(req, res);
    if (rawPath === CLIENT_PATH) return send(res, 200, TYPES[".js"], CLIENT_SCRIPT, req.method === "HEAD");
    if (rawPath === MORPH_PATH) return send(res, 200, TYPES[".js"], morphLibrary(), req.method === "HEAD");
    const segments = requestSegments(rawPath);
    if (!segments) return notFound(res);
    const relPath = segments.filter((s) => s !== "").join("/");
    const isDirPath = rawPath.endsWith("/");
    const memory = this.options.memoryFiles?.();
    const fromMemory = (p: string) => memory?.get(p);
    // A folder is served through its index.html; `/latest` becomes `/latest/` so that relative links work.
    const indexPath = relPath === "" ? "index.html" : `${relPath}/index.html`;
    if (isDirPath || relPath === "") {
      const html = fromMemory(indexPath);
      if (html !== undefined) return sendHtml(res, html, req.method === "HEAD");
    } else {
      const content = fromMemory(relPath);
      if (content !== undefined) return send(res, 200, typeOf(relPath), relPath.endsWith(".html") ? injectClient(content) : content, req.method === "HEAD");
      if (fromMemory(indexPath) !== undefined) return redirect(res, `/${relPath.split("/").map(encodeURIComponent).join("/")}/`);
    }
    // The disk only after memory: pages held in memory are served even when the output folder is gone.
    let outDir: string;
    try {
      outDir = realpathSync(this.options.outDir);
    } catch {
      return notFound(res);
    }
    const file = resolveInside(outDir, segments.filter((s) => s !== ""));
    if (!file) return notFound(res);
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return notFound(res);
    }
    if (stats.isDirectory()) {
      // No listing of folders: only their index.html.
      const index = resolveInside(outDir, [...segments.filter((s) => s !== ""), "index.html"]);
      let html: string;
      try {
        html = readFileSync(index ?? "", "utf8");
      } catch {
        return notFound(res);
      }
      if (!isDirPath && relPath !== "") return redirect(res, `/${relPath.split("/").map(encodeURIComponent).join("/")}/`);
      return sendHtml(res, html, req.method === "HEAD");
    }
    if (!stats.isFile()) return notFound(res);
    if (file.endsWith(".html")) return sendHtml(res, readFileSync(file, "utf8"), req.method === "HEAD");
    res.writeHead(200, { "Content-Type": typeOf(file), "Content-Length": stats.size, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    if (req.method === "HEAD") return void res.end();
    const stream = createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  }

  private openStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" });
    res.write("retry: 500\n\n");
    // A page that opens while the build is broken shows the overlay at once.
    if (this.diagnostics.length) res.write(event("diagnostics", { diagnostics: this.diagnostics }));
    this.clients.add(res);
    const forget = () => this.clients.delete(res);
    req.on("close", forget);
    res.on("close", forget);
    res.on("error", forget);
  }
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

function typeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headOnly = false): void {
  const buffer = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { "Content-Type": type, "Content-Length": buffer.length, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  res.end(headOnly ? undefined : buffer);
}

function sendHtml(res: ServerResponse, html: string, headOnly: boolean): void {
  send(res, 200, TYPES[".html"], injectClient(html), headOnly);
}

function notFound(res: ServerResponse): void {
  send(res, 404, "text/plain; charset=utf-8", "not found\n");
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { Location: location, "Content-Length": 0, "Cache-Control": "no-store" });
  res.end();
}

