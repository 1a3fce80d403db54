// The RST engine benchmark: a large document made at bench time by concatenating
// docutils' own documents (../shared/reference/docutils/*.rst and the documents
// among the conformance inputs) to about 50,000 lines, rendered to HTML by our
// engine and, when python3 docutils is installed, by docutils' html5 writer.
// Time is also measured at a quarter and a half of the size, to show it grows
// linearly.
import { TOOLCHAIN_ROOT } from "../toolchain-paths.ts";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Benchmark, BenchContext } from "./benchmark.ts";
import { docutilsVersion } from "./build-bench.ts";
import { bestOf, formatTiming, timeProcess } from "./timing.ts";

const REPO = TOOLCHAIN_ROOT;
const SHARED = resolve(REPO, "../shared");
const TARGET_LINES = 50_000;

/** docutils' documents when the shared reference material is here, else the spec's own prose. */
function sourceDocuments(): { label: string; texts: string[] } {
  const texts: string[] = [];
  const refDir = join(SHARED, "reference/docutils");
  if (existsSync(refDir)) {
    for (const name of readdirSync(refDir).sort()) if (name.endsWith(".rst")) texts.push(readFileSync(join(refDir, name), "utf8"));
    const cases = join(SHARED, "rst-conformance/cases.jsonl");
    if (existsSync(cases)) {
      for (const line of readFileSync(cases, "utf8").split("\n")) {
        if (!line.trim()) continue;
        const c = JSON.parse(line) as { origin?: string; rst: string };
        if (c.origin?.startsWith("docs/")) texts.push(c.rst);
      }
    }
    return { label: "docutils' documents", texts };
  }
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".rst")) texts.push(readFileSync(p, "utf8").replace(/\{\{\s*\w+\s*\}\}/g, "X"));
    }
  };
  for (const d of ["specification", "drafts", "supporting-docs"]) if (existsSync(join(REPO, d))) walk(join(REPO, d));
  return { label: "the specification's own prose (../shared is absent)", texts };
}

/** Concatenates the documents, repeating them, until the text has at least `lines` lines. */
export function largeDocument(texts: string[], lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let round = 0; count < lines && texts.length; round++) {
    for (const t of texts) {
      const body = t.endsWith("\n") ? t : t + "\n";
      parts.push(body, "\n");
      count += body.split("\n").length;
      if (count >= lines) break;
    }
  }
  return parts.join("");
}

const CLI = join(REPO, "bin/matrix-doc.js");

/**
 * docutils renders each document separately, in one process, and reports which it
 * could render and the CPU time that took (its own clock, so start-up is left out;
 * CPU time on both sides, so that other work on a shared machine does not count).
 * Separate documents because docutils 0.19 itself crashes on some duplicate
 * targets that concatenating documents creates.
 */
const DOCUTILS_SCRIPT = [
  "import sys, json, time, docutils.core",
  "files = sys.argv[1:]",
  "ok = []",
  "start = time.process_time()",
  "for i, f in enumerate(files):",
  "    try:",
  "        docutils.core.publish_parts(open(f, encoding='utf-8').read(), source_path=f, writer_name='html5',",
  "            settings_overrides={'report_level': 5, 'halt_level': 5, 'raw_enabled': False, 'file_insertion_enabled': False})",
  "        ok.append(i)",
  "    except BaseException:",
  "        pass",
  "print(json.dumps({'ok': ok, 'ms': (time.process_time() - start) * 1000}))",
].join("\n");

/**
 * Renders each document with our engine in this process, several times: the
 * CPU time of the first pass (what one command pays, the JIT compiler still
 * warming up) and of the best later pass (what a long-running process, such as
 * the preview, pays), in ms.
 */
async function timeOurs(docs: string[], runs: number): Promise<{ first: number; warm: number; firstWall: number; warmWall: number }> {
  const rst = await import("../rst/index.ts");
  const times: number[] = [];
  const walls: number[] = [];
  for (let r = 0; r < Math.max(4, runs + 1); r++) {
    const started = process.cpuUsage();
    const wallStarted = performance.now();
    for (const d of docs) rst.toHtml(rst.publishDoctree(d, { source: "bench" }));
    walls.push(performance.now() - wallStarted);
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  return { first: times[0], warm: Math.min(...times.slice(1)), firstWall: walls[0], warmWall: Math.min(...walls.slice(1)) };
}

export const rstBenchmark: Benchmark = {
  name: "reStructuredText engine",
  async run(ctx: BenchContext) {
    const { label, texts } = sourceDocuments();
    const dir = ctx.tempDir("rst");
    const full = largeDocument(texts, TARGET_LINES);
    const lines = full.split("\n").length;
    ctx.print(`input: ${label}, concatenated to ${lines} lines (${(full.length / 1024).toFixed(0)} KB)`);
    const timings: number[] = [];
    const outputs: number[] = [];
    for (const fraction of [0.25, 0.5, 1]) {
      const text = fraction === 1 ? full : largeDocument(texts, Math.round(TARGET_LINES * fraction));
      const file = join(dir, `doc-${fraction}.rst`);
      writeFileSync(file, text);
      const t = bestOf(ctx.runs, () => {
        const r = timeProcess(process.execPath, [CLI, "rst", file, "--out", join(dir, "out.html")]);
        // Exit 1 means the document has warnings (docutils' own documents do); the render still happened.
        return r.status === 1 ? { ...r, status: 0 } : r;
      });
      if (t.status !== 0) {
        ctx.print(`  ours at ${fraction * 100}%: FAILED (exit ${t.status}) ${t.stderr.trim().split("\n").slice(-2).join(" / ")}`);
        return;
      }
      timings.push(t.wallMs);
      const htmlBytes = existsSync(join(dir, "out.html")) ? statSync(join(dir, "out.html")).size : 0;
      outputs.push(htmlBytes);
      ctx.print(`  matrix-doc rst, ${String(text.split("\n").length).padStart(6)} lines: ${formatTiming(t)}, ${(htmlBytes / 1e6).toFixed(1)} MB of HTML`);
    }
    const [q, h, f] = timings;
    const [oq, oh, of] = outputs;
    ctx.print(`  growth: ×${(h / q).toFixed(2)} from 25% to 50%, ×${(f / h).toFixed(2)} from 50% to 100% (2.00 is linear; process start-up makes small inputs look slower)`);
    // Every `contents` directive of the documents lists the sections of the whole
    // concatenation, so the output (and docutils' too) grows faster than the input.
    ctx.print(`  output growth: ×${(oh / oq).toFixed(2)}, ×${(of / oh).toFixed(2)}; time per MB of HTML: ${[q / oq, h / oh, f / of].map((x) => (x * 1e6 / 1000).toFixed(2) + " s").join(", ")}`);

    // The same documents, one by one, to about the same number of lines: ours and docutils'.
    const docs: string[] = [];
    for (let n = 0; n < TARGET_LINES; ) {
      for (const t of texts) {
        docs.push(t);
        n += t.split("\n").length;
        if (n >= TARGET_LINES) break;
      }
    }
    const version = ctx.docutils ? docutilsVersion() : undefined;
    let kept = docs;
    let theirsMs: number | undefined;
    if (version) {
      const files = docs.map((d, i) => {
        const p = join(dir, `one-${String(i).padStart(4, "0")}.rst`);
        writeFileSync(p, d);
        return p;
      });
      const r = spawnSync("python3", ["-c", DOCUTILS_SCRIPT, ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      if (r.status === 0) {
        const out = JSON.parse(r.stdout.trim().split("\n").pop()!) as { ok: number[]; ms: number };
        kept = out.ok.map((i) => docs[i]);
        theirsMs = out.ms;
        if (kept.length < docs.length) ctx.print(`  (${docs.length - kept.length} of ${docs.length} documents make docutils ${version} fail; both sides leave them out)`);
      } else ctx.print(`  docutils ${version}: FAILED (exit ${r.status})`);
    }
    const keptLines = kept.reduce((n, d) => n + d.split("\n").length, 0);
    const ours = await timeOurs(kept, ctx.runs);
    // CPU time counts V8's compiler and collector threads too; docutils has none, so its CPU time is its wall time.
    ctx.print(`  ours (in process), ${kept.length} documents, ${keptLines} lines: ${(ours.first / 1000).toFixed(2)} s CPU (${(ours.firstWall / 1000).toFixed(2)} s wall) on the first pass, ${(ours.warm / 1000).toFixed(2)} s CPU (${(ours.warmWall / 1000).toFixed(2)} s wall) once warm`);
    if (theirsMs === undefined) {
      ctx.print(`  docutils: skipped (${ctx.docutils ? "python3 with docutils is not installed" : "--no-docutils"})`);
      return;
    }
    ctx.print(`  docutils ${version} (in process), same documents: ${(theirsMs / 1000).toFixed(2)} s CPU`);
    ctx.print(`  ratio: ours is ${(theirsMs / ours.first).toFixed(1)}× faster than docutils on the first pass, ${(theirsMs / ours.warm).toFixed(1)}× once warm, by CPU time; ${(theirsMs / ours.firstWall).toFixed(1)}× and ${(theirsMs / ours.warmWall).toFixed(1)}× by wall time (aim: 20×)`);
  },
};
