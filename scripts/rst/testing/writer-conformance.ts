// Writer-only conformance: for every case, read docutils' transformed doctree
// (`doctree_pseudoxml`) back into a Document, render it with our html5 writer and compare
// with docutils' `html5_body` (token comparison, see compare.ts). Independent of our parser.
//
//   npx tsx scripts/rst/testing/writer-conformance.ts [--cases FILE] [--filter TEXT] [--show N]
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { firstDifference, htmlTokens, similarity } from "./compare.ts";
import { readPseudoXml } from "./pseudoxml-reader.ts";
import { readCases } from "./run-cases.ts";
import { toHtml } from "../writers/html5.ts";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const casesPath = resolve(arg("--cases") ?? "../shared/rst-conformance/cases.jsonl");
if (!existsSync(casesPath)) {
  console.error(`${casesPath}: no conformance cases (pass --cases FILE)`);
  process.exit(2);
}
const filter = arg("--filter");
const show = Number(arg("--show") ?? "0");
const cases = readCases(casesPath).filter((c) => !filter || (c.origin ?? c.id).includes(filter));
let passed = 0;
let total = 0;
let simSum = 0;
const failures: Array<{ origin: string; sim: number; diff: string }> = [];
for (const c of cases) {
  if (c.doctree_pseudoxml === undefined || c.html5_body === undefined) continue;
  total++;
  let actual: string;
  try {
    actual = toHtml(readPseudoXml(c.doctree_pseudoxml, { rst: c.rst }));
  } catch (e) {
    actual = `!! exception: ${(e as Error).stack ?? String(e)}`;
  }
  const exp = htmlTokens(c.html5_body);
  const act = htmlTokens(actual);
  if (exp.length === act.length && exp.every((t, i) => t === act[i])) passed++;
  else {
    const sim = similarity(exp, act);
    simSum += sim;
    failures.push({ origin: c.origin ?? c.id, sim, diff: actual.startsWith("!!") ? actual : firstDifference(exp, act) });
  }
}
for (const f of failures.slice(0, show)) console.log(`\n=== ${f.origin} (similarity ${f.sim.toFixed(3)})\n${f.diff}`);
if (show) console.log("");
const mean = failures.length ? simSum / failures.length : 1;
console.log(`writer (doctree_pseudoxml → html5_body): ${passed}/${total} exact (${((100 * passed) / (total || 1)).toFixed(1)}%), mean similarity of failures ${mean.toFixed(3)}`);
if (!show) for (const f of failures) console.log(`  FAIL ${f.sim.toFixed(3)} ${f.origin}`);
