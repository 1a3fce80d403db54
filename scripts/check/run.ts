// Run every check over one spec tree.
import { countBySeverity, error, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { checks as defaultChecks } from "./checks.ts";
import { createCheckContext, fileCount, type Check, type CheckContext } from "./context.ts";

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
}

export interface RunOptions {
  checks?: readonly Check[];
  /** Let an internal error in a check propagate (with its stack) instead of becoming a diagnostic. */
  debug?: boolean;
  /** Folder for parsed YAML and compiled validators kept between runs (default: node_modules/.cache/matrix-doc); `null` for none. */
  cacheDir?: string | null;
}

export function runChecks(root: string, options: RunOptions = {}): CheckResult {
  const ctx = createCheckContext(root, options.cacheDir === undefined ? undefined : { cacheDir: options.cacheDir ?? undefined });
  const diagnostics: Diagnostic[] = [];
  for (const check of options.checks ?? defaultChecks) {
    try {
      diagnostics.push(...check(ctx));
    } catch (e) {
      // A bug in one check must not hide what the others find.
      if (options.debug) throw e;
      diagnostics.push(
        error("internal-error", `The \`${check.name}\` check stopped on an internal error: ${(e as Error).message} (run with --debug for details).`),
      );
    }
  }
  // Problems met while loading and following `$ref`s (syntax errors, refused or
  // missing references, cycles), each reported once.
  diagnostics.push(...ctx.cache.diagnostics);
  const unique = withoutRepeats(diagnostics);
  sortDiagnostics(unique);
  const { errors, warnings } = countBySeverity(unique);
  return {
    summary: { files: fileCount(ctx), examples: ctx.counts.examples, errors, warnings },
    diagnostics: unique,
    swaggerFiles: ctx.swagger.length,
    breakdown: describeSources(ctx),
    root: ctx.root,
  };
}

/**
 * The same place can be reached more than once: a `$ref`'d parameter shared by
 * two endpoints, a schema file inlined into several Swagger documents. Report
 * each problem once; where a schema file is reported as an invalid draft-04
 * schema, the Swagger documents that include it need not repeat it.
 */
function withoutRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  const place = (d: Diagnostic) => [d.file, d.line, d.column, d.keyword].join("|");
  const invalidSchemaAt = new Set(diagnostics.filter((d) => d.code === "schema-invalid").map(place));
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.code === "swagger-schema" && invalidSchemaAt.has(place(d))) return false;
    const key = [d.code, place(d), d.message].join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeSources(ctx: CheckContext): string {
  const apiExamples = ctx.swagger.reduce((n, s) => n + s.endpoints.reduce((m, e) => m + e.examples.length, 0), 0);
  const eventExamples = ctx.events.examples.length + ctx.events.unloadedExamples.length;
  const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;
  return [
    `${plural(ctx.swagger.length, "Swagger file")} with ${plural(apiExamples, "example")}`,
    plural(eventExamples, "event example"),
    plural(ctx.schemaFiles.length, "schema file"),
  ].join(", ");
}
