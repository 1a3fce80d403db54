// Runs the engine over conformance cases (one JSON object per line, as in
// ../shared/rst-conformance/cases.jsonl) and compares with docutils' outputs.
import { readFileSync } from "node:fs";
import { firstDifference, htmlTokens, normalizePseudoXml, similarity } from "./compare.ts";

export interface Case {
  id: string;
  origin?: string;
  rst: string;
  parser_pseudoxml?: string;
  doctree_pseudoxml?: string;
  html5_body?: string;
}

export interface CaseOutput {
  id: string;
  parser_pseudoxml: string;
  doctree_pseudoxml: string;
  html5_body: string;
}

/** The engine entry points the runner needs (see ../index.ts). */
export interface Engine {
  renderParser(text: string, source: string): string;
  renderDoctree(text: string, source: string): string;
  renderHtmlBody(text: string, source: string): string;
}

export const VIEWS = ["parser_pseudoxml", "doctree_pseudoxml", "html5_body"] as const;
export type View = (typeof VIEWS)[number];

export function readCases(path: string): Case[] {
  const cases: Case[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim()) cases.push(JSON.parse(line) as Case);
  }
  return cases;
}

function attempt(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return `!! exception: ${(e as Error).stack ?? String(e)}`;
  }
}

/** Renders one case in all three views; an exception becomes the view's output text. */
export function runCase(engine: Engine, c: Case, source = "test data"): CaseOutput {
  return {
    id: c.id,
    parser_pseudoxml: attempt(() => engine.renderParser(c.rst, source)),
    doctree_pseudoxml: attempt(() => engine.renderDoctree(c.rst, source)),
    html5_body: attempt(() => engine.renderHtmlBody(c.rst, source)),
  };
}

export function comparable(view: View, s: string): string[] {
  return view === "html5_body" ? htmlTokens(s) : normalizePseudoXml(s);
}

export interface ViewResult {
  view: View;
  total: number;
  passed: number;
  /** Mean similarity over the failures (1 when there are none). */
  meanFailureSimilarity: number;
  failures: Array<{ id: string; origin: string; similarity: number; diff: string }>;
}

export function compareOutputs(cases: Case[], outputs: CaseOutput[]): ViewResult[] {
  return VIEWS.map((view) => {
    let passed = 0;
    let total = 0;
    let simSum = 0;
    const failures: ViewResult["failures"] = [];
    cases.forEach((c, i) => {
      const expected = c[view];
      if (expected === undefined) return;
      total++;
      const a = comparable(view, expected);
      const b = comparable(view, outputs[i][view]);
      if (a.length === b.length && a.every((x, k) => x === b[k])) {
        passed++;
        return;
      }
      const sim = similarity(a, b);
      simSum += sim;
      failures.push({ id: c.id, origin: c.origin ?? "", similarity: sim, diff: firstDifference(a, b) });
    });
    return {
      view,
      total,
      passed,
      meanFailureSimilarity: failures.length ? simSum / failures.length : 1,
      failures,
    };
  });
}
