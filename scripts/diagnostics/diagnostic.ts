// The one Diagnostic type every stage reports through, and the helpers to make
// and sort them. Reporters (terminal text, JSON) live in ./report.ts.

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** A stable identifier for the kind of problem, e.g. `example-invalid`. */
  code: string;
  /** One plain sentence a contributor understands. */
  message: string;
  /** Path relative to the spec root, with forward slashes. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** JSON pointer to the value concerned, where one applies. */
  pointer?: string;
  /** The JSON Schema keyword that failed, for schema validation failures. */
  keyword?: string;
}

export function error(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: "error", code, message, ...where };
}

export function warning(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: "warning", code, message, ...where };
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

/** Order by file, then line, then column; diagnostics without a file come first. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/** `file:line:column`, leaving out what is unknown. */
export function location(d: Diagnostic): string {
  if (!d.file) return "";
  let s = d.file;
  if (d.line) {
    s += `:${d.line}`;
    if (d.column) s += `:${d.column}`;
  }
  return s;
}
