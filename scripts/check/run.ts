// Run every check over one spec tree.
import { countBySeverity, error, sortDiagnostics, type Diagnostic } from "../diagnostics.ts";
import { checks as defaultChecks } from "./checks.ts";
import { createCheckContext, fileCount, type Check } from "./context.ts";

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
  root: string;
}

export interface RunOptions {
  checks?: readonly Check[];
  /** Let an internal error in a check propagate (with its stack) instead of becoming a diagnostic. */
  debug?: boolean;
  /** Folder for compiled validators kept between runs; `null` to compile every time. */
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
  // The same place can be reached twice (a `$ref`'d parameter shared by two endpoints): report it once.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = [d.code, d.file, d.line, d.column, d.keyword, d.pointer].join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  sortDiagnostics(unique);
  const { errors, warnings } = countBySeverity(unique);
  return {
    summary: { files: fileCount(ctx), examples: ctx.counts.examples, errors, warnings },
    diagnostics: unique,
    swaggerFiles: ctx.swagger.length,
    root: ctx.root,
  };
}
