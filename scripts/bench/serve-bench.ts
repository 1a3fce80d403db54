// The preview's rebuild latency: `matrix-doc serve` (in this process) on a copy
// of the repository's sources, an event-stream client connected as a page would
// be, and a one-line edit of an endpoint's description in a Swagger file. The
// time is from the write of the file to the reload event reaching the client:
// the watcher's notice, the debounce, the incremental rebuild and the event.
// The same is then measured for a one-line edit of an RST file.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import type { Benchmark, BenchContext } from "./benchmark.ts";

const FILE = "api/client-server/v1/profile.yaml";
const LINE = "Sets the display name of the given user.";
const TREE = ["api", "event-schemas", "specification", "supporting-docs", "drafts", "CHANGELOG.rst"];
const EDITS = 10;
const RST_FILE = "specification/modules/typing_notifications.rst";
const RST_LINE = "Users like to know when the person they are talking to is writing a reply.";

/** Connects to the event stream; `next(name)` resolves when the next event of that name arrives. */
function listen(base: string): Promise<{ next(name: string): Promise<void>; close(): void }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const waiting: { name: string; done: () => void }[] = [];
    const req = request({ host: url.hostname, port: url.port, path: "/__matrix-doc/events" }, (res) => {
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const name = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          const i = waiting.findIndex((w) => w.name === name);
          if (i !== -1) waiting.splice(i, 1)[0].done();
        }
      });
      res.on("error", () => undefined);
      resolve({
        next: (name) => new Promise<void>((done) => waiting.push({ name, done })),
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export const serveBenchmark: Benchmark = {
  name: "serve: edit to reload",
  async run(ctx: BenchContext) {
    const dir = ctx.tempDir("serve");
    const root = join(dir, "tree");
    mkdirSync(root);
    for (const entry of TREE) {
      try {
        cpSync(join(ctx.repoRoot, entry), join(root, entry), { recursive: true, verbatimSymlinks: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
    const original = readFileSync(join(root, FILE), "utf8");
    if (!original.includes(LINE)) throw new Error(`${FILE} no longer holds the line the bench edits ("${LINE}")`);
    copyFileSync(join(root, FILE), join(dir, "original.yaml"));
    const { startPreview } = await import("../serve/preview.ts");
    const stages: string[] = [];
    let firstMs = 0;
    const started = performance.now();
    const preview = await startPreview({
      root,
      out: join(dir, "out"),
      port: 0,
      onBuild(build, changed) {
        if (!changed.length) firstMs = performance.now() - started;
        else stages.push(build.timings.map((t) => `${t.stage} ${t.ms.toFixed(0)}`).join(", ") + (build.ok ? "" : " (FAILED)"));
      },
    });
    const client = await listen(preview.url);
    try {
      ctx.print(`  first build          ${(firstMs / 1000).toFixed(2)} s (then incremental)`);
      const times: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const reloaded = client.next("reload");
        const t = performance.now();
        writeFileSync(join(root, FILE), original.replace(LINE, `Sets the display name of the given user (edit ${i + 1}).`));
        await reloaded;
        times.push(performance.now() - t);
      }
      ctx.print(`  edit → reload event  median ${median(times).toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms over ${EDITS} one-line edits of a description in ${FILE}`);
      ctx.print(`  each (ms)            ${times.map((x) => x.toFixed(0)).join(" ")}`);
      ctx.print(`  stages of the last   ${stages[stages.length - 1] ?? "?"} (ms)`);
      // The same for a one-line edit of the prose.
      const rstPath = join(root, RST_FILE);
      const rst = readFileSync(rstPath, "utf8");
      if (rst.includes(RST_LINE)) {
        const rstTimes: number[] = [];
        for (let i = 0; i < EDITS; i++) {
          const reloaded = client.next("reload");
          const t = performance.now();
          writeFileSync(rstPath, rst.replace(RST_LINE, `${RST_LINE} (edit ${i + 1})`));
          await reloaded;
          rstTimes.push(performance.now() - t);
        }
        ctx.print(`  RST edit → reload    median ${median(rstTimes).toFixed(0)} ms, best ${Math.min(...rstTimes).toFixed(0)} ms over ${EDITS} one-line edits of ${RST_FILE}`);
        ctx.print(`  stages of the last   ${stages[stages.length - 1] ?? "?"} (ms)`);
      }
    } finally {
      client.close();
      await preview.close();
    }
  },
};
