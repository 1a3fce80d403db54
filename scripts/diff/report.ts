// What `matrix-doc diff` reports: the two sides built, the API changes and the
// sections whose text changed. Made by ./run-diff.ts, shown by ./report-page.ts.
import type { ApiChange } from "./api-report.ts";
import type { SectionDiff } from "./text-diff.ts";

export interface BuiltSide {
  name: string;
  /** Full commit, or undefined for the working tree. */
  commit?: string;
  /** The changelog version of the tree built. */
  version: string;
  /** The built version folder, relative to the report's folder (e.g. `from/v0.1.0`). */
  folder: string;
  pages: string[];
}

export interface DiffReport {
  from: BuiltSide;
  to: BuiltSide;
  api: ApiChange[];
  breaking: number;
  sections: SectionDiff[];
}
