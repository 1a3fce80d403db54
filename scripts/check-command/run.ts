// `matrix-doc check`: the pipeline (../pipeline/) up to the rst stage, so that
// every check the build runs short of rendering pages runs here too, and the
// RST is judged as the build will see it (placeholders filled, titles at their
// depth). Then a summary of what was checked.
import { countBySeverity, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { runPipeline, strictly } from "../pipeline/run.ts";
import { plainStages } from "../pipeline/stages.ts";
import { memoStages } from "../pipeline/memo/memo-stages.ts";
import type { StageTiming } from "../pipeline/timing.ts";
import type { Sources } from "../sources/index.ts";
import { DEFAULT_CACHE_DIR } from "../toolchain-paths.ts";
import { type Check, fileCount } from "../check/context.ts";
import { keepCompiledTemplatesIn } from "../compiled-templates.ts";

export interface CheckSummary {
  files: number;
  examples: number;
  errors: number;
  warnings: number;
}

export interface CheckResult {
  summary: CheckSummary;
  diagnostics: Diagnostic[];
  /** Number of Swagger files, for the text report. */
  swaggerFiles: number;
  /** What was checked, in words, e.g. "16 Swagger files with 82 examples, 61 event examples, 42 schema files". */
  breakdown: string;
  root: string;
  sources?: Sources;
  timings: StageTiming[];
}

export interface RunOptions {
  target?: string;
  /** The checks of the check stage; default every check. */
  checks?: readonly Check[];
  /** Let an internal error in a check propagate (with its stack) instead of becoming a diagnostic. */
  debug?: boolean;
  /** Folder for parsed YAML and compiled validators kept between runs (default: node_modules/.cache/matrix-doc); `null` for none. */
  cacheDir?: string | null;
  allowRaw?: boolean;
  /** Every warning becomes an error. */
  strict?: boolean;
  /** Keep the stages' results in the cache folder and reuse them while the tree is unchanged (../pipeline/memo/). */
  memo?: boolean;
}

export function runChecks(root: string, options: RunOptions = {}): CheckResult {
  const cacheDir = options.cacheDir === null ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
  keepCompiledTemplatesIn(cacheDir);
  const plain = plainStages({ cacheDir, debug: options.debug, checks: options.checks });
  const stages = options.memo && cacheDir && !options.checks ? memoStages(plain, cacheDir) : plain;
  const run = runPipeline({ root, target: options.target, until: "rst", allowRaw: options.allowRaw, debug: options.debug, stages });
  const diagnostics = options.strict ? strictly(run.diagnostics) : run.diagnostics;
  const { errors, warnings } = countBySeverity(diagnostics);
  const sources = run.sources;
  return {
    summary: { files: sources ? fileCount(sources) : 0, examples: run.examples, errors, warnings },
    diagnostics,
    swaggerFiles: sources?.swagger.length ?? 0,
    breakdown: sources ? describeSources(sources) : "",
    root: run.root,
    sources,
    timings: run.timings,
  };
}


function describeSources(sources: Sources): string {
  const apiExamples = sources.swagger.reduce((n, s) => n + s.endpoints.reduce((m, e) => m + e.examples.length, 0), 0);
  const eventExamples = sources.events.examples.length + sources.events.unloadedExamples.length;
  const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;
  return [
    `${plural(sources.swagger.length, "Swagger file")} with ${plural(apiExamples, "example")}`,
    plural(eventExamples, "event example"),
    plural(sources.schemaFiles.length, "schema file"),
    plural(sources.layout.rstFiles.length, "RST file"),
  ].join(", ");
}
