// What the fuzz tests run on each mutated source, and what they require of the
// result: nothing thrown, no internal error, every error placed in a file, within
// a time limit per input. Two levels: the parsers alone (many inputs a second),
// and `check` and `build` over a whole tree holding the mutated file.
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild } from "../build/build.ts";
import { checkRstText } from "../check/rst-files.ts";
import { runChecks } from "../check-command/run.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatJson, formatText } from "../report.ts";
import { parseDataFile } from "../sources/data-file.ts";
import type { SourceKind } from "./mutations.ts";

export const MINI_TREE = resolve(dirname(fileURLToPath(import.meta.url)), "../build/fixtures/mini-tree");

/** The files of the mini tree the fuzz mutates, with their kind. */
export const FUZZED_FILES: { path: string; kind: SourceKind }[] = [
  { path: "api/client-server/v1/typing.yaml", kind: "yaml" },
  { path: "api/client-server/v1/definitions/error.yaml", kind: "yaml" },
  { path: "event-schemas/schema/v1/m.room.topic", kind: "json" },
  { path: "event-schemas/examples/v1/m.room.topic", kind: "json" },
  { path: "specification/intro.rst", kind: "rst" },
  { path: "specification/targets.yaml", kind: "yaml" },
  { path: "CHANGELOG.rst", kind: "rst" },
];

export function original(path: string): string {
  return readFileSync(join(MINI_TREE, path), "utf8");
}

/** Why a run's result is not acceptable, or undefined when it is. */
export function problemWith(diagnostics: readonly Diagnostic[], ms: number, limitMs: number): string | undefined {
  if (ms > limitMs) return `took ${ms.toFixed(0)} ms (limit ${limitMs} ms)`;
  const internal = diagnostics.find((d) => d.code === "internal-error");
  if (internal) return `internal error: ${internal.message}`;
  const unplaced = diagnostics.find((d) => d.severity === "error" && !d.file);
  if (unplaced) return `an error without a file: [${unplaced.code}] ${unplaced.message}`;
  // The reporters take anything: JSON stays JSON, text has no raw control characters.
  JSON.parse(formatJson({ errors: 0 }, diagnostics));
  const text = formatText(diagnostics, { root: MINI_TREE });
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(text)) return "a control character reached the terminal report";
  return undefined;
}

/** The parser stage alone on one text. */
export function parseOnce(kind: SourceKind, path: string, text: string): Diagnostic[] {
  if (kind === "rst") return checkRstText(path, text);
  return parseDataFile(path, "/fuzz/" + path, text, kind).diagnostics;
}

/** A copy of the mini tree in which files are replaced one input at a time. */
export class FuzzTree {
  readonly root: string;
  readonly out: string;
  private readonly dir: string;

  constructor() {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), "fuzz-")));
    this.root = join(this.dir, "tree");
    this.out = join(this.dir, "out");
    cpSync(MINI_TREE, this.root, { recursive: true, verbatimSymlinks: true });
  }

  /** `check` (and `build` when asked) with `path` holding `text`; the file is put back afterwards. */
  async run(path: string, text: string, options: { build: boolean }): Promise<Diagnostic[]> {
    const file = join(this.root, path);
    writeFileSync(file, text);
    try {
      const diagnostics = [...runChecks(this.root, { cacheDir: null }).diagnostics];
      if (options.build) diagnostics.push(...(await runBuild({ root: this.root, out: this.out })).diagnostics);
      return diagnostics;
    } finally {
      writeFileSync(file, original(path));
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
