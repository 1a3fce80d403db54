// Transform-only conformance: for each case, reads docutils' parser output
// (`parser_pseudoxml`) with the pseudo-XML reader, applies our transforms, and
// compares with docutils' `doctree_pseudoxml`. Independent of our parser.
//
//   npx tsx scripts/rst/testing/transforms-conformance.ts [--filter S] [--show N] [--cases FILE]
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pformat } from "../pformat.ts";
import { applyTransforms } from "../transforms/index.ts";
import { firstDifference, normalizePseudoXml, similarity } from "./compare.ts";
import { readPseudoXml } from "./pseudoxml-reader.ts";
import { recoverLines } from "./recover-lines.ts";
import { readCases, type Case } from "./run-cases.ts";

export interface TransformResult {
  id: string;
  origin: string;
  passed: boolean;
  similarity: number;
  diff: string;
}

export function runTransformCase(c: Case): TransformResult {
  const expected = normalizePseudoXml(c.doctree_pseudoxml ?? "");
  let actual: string[];
  try {
    const document = readPseudoXml(c.parser_pseudoxml ?? "", { rst: c.rst });
    recoverLines(document, c.rst);
    applyTransforms(document);
    actual = normalizePseudoXml(pformat(document));
  } catch (e) {
    actual = [`!! exception: ${(e as Error).stack ?? String(e)}`];
  }
  const passed = expected.length === actual.length && expected.every((l, i) => l === actual[i]);
  return {
    id: c.id,
    origin: c.origin ?? "",
    passed,
    similarity: passed ? 1 : similarity(expected, actual),
    diff: passed ? "" : firstDifference(expected, actual),
  };
}

function main(argv: string[]): number {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const file = opt("--cases") ?? resolve(process.cwd(), "../shared/rst-conformance/cases.jsonl");
  if (!existsSync(file)) {
    console.error(`cases file not found: ${file}`);
    return 2;
  }
  const filter = opt("--filter");
  const show = Number(opt("--show") ?? "0");
  const cases = readCases(file).filter((c) => !filter || (c.origin ?? "").includes(filter) || c.id.includes(filter));
  const results = cases.map(runTransformCase);
  const failures = results.filter((r) => !r.passed);
  for (const f of failures.slice(0, show)) {
    console.log(`--- ${f.id} ${f.origin} (similarity ${f.similarity.toFixed(3)})`);
    console.log(f.diff);
  }
  const passed = results.length - failures.length;
  const mean = failures.length ? failures.reduce((s, f) => s + f.similarity, 0) / failures.length : 1;
  console.log(
    `transform-only: ${passed}/${results.length} exact (${((100 * passed) / Math.max(1, results.length)).toFixed(1)}%), ` +
      `mean similarity of failures ${mean.toFixed(3)}`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("transforms-conformance.ts")) {
  process.exitCode = main(process.argv.slice(2));
}
