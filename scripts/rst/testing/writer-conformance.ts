// Writer-only conformance: for every case, read docutils' transformed doctree
// (`doctree_pseudoxml`) back into a Document, render it with our html5 writer and compare
// with docutils' `html5_body` (token comparison, see compare.ts). Independent of our parser.
//
// Pseudo-XML does not carry the messages transforms reported without placing them in the
// tree (docutils' writer gathers them into a final "Docutils System Messages" section), so
// a second measure supplies them from our own transforms run on docutils' parser output
// (`parser_pseudoxml`): that one tests the writer plus the transforms' messages.
// A third measure renders our own pipeline's tree wherever its pseudo-XML is identical to
// docutils' transformed doctree (so it carries what pseudo-XML cannot: trailing newlines
// of literal text, text node boundaries, lines, transform messages), and the tree read
// from docutils' pseudo-XML elsewhere.
//
//   npx tsx scripts/rst/testing/writer-conformance.ts [--cases FILE] [--filter TEXT] [--show N] [--list]
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Document } from "../document.ts";
import type { Element } from "../nodes.ts";
import { publishDoctree } from "../index.ts";
import { pformat } from "../pformat.ts";
import { applyTransforms } from "../transforms/index.ts";
import { toHtml } from "../writers/html5.ts";
import { firstDifference, htmlTokens, normalizePseudoXml, similarity } from "./compare.ts";
import { readPseudoXml } from "./pseudoxml-reader.ts";
import { recoverLines } from "./recover-lines.ts";
import { type Case, readCases } from "./run-cases.ts";

interface Outcome {
  origin: string;
  passed: boolean;
  similarity: number;
  diff: string;
}

/** The messages our transforms report (not placed in the tree) for docutils' parser output. */
function transformMessages(c: Case): Element[] {
  if (c.parser_pseudoxml === undefined) return [];
  try {
    const document = readPseudoXml(c.parser_pseudoxml, { rst: c.rst });
    recoverLines(document, c.rst);
    applyTransforms(document);
    return document.transformMessages.filter((m) => !m.parent);
  } catch {
    return [];
  }
}

/** Our pipeline's transformed tree, if its pseudo-XML is identical to docutils' doctree. */
function verifiedOwnTree(c: Case): Document | null {
  try {
    const own = publishDoctree(c.rst, { source: "test data" });
    const a = normalizePseudoXml(pformat(own));
    const b = normalizePseudoXml(c.doctree_pseudoxml ?? "");
    return a.length === b.length && a.every((l, i) => l === b[i]) ? own : null;
  } catch {
    return null;
  }
}

export function runWriterCase(c: Case, withMessages: boolean, preferVerifiedTree = false): Outcome {
  const expected = htmlTokens(c.html5_body ?? "");
  let actual: string;
  try {
    const own = preferVerifiedTree ? verifiedOwnTree(c) : null;
    if (own) return outcome(c, expected, toHtml(own));
    const document: Document = readPseudoXml(c.doctree_pseudoxml ?? "", { rst: c.rst });
    recoverLines(document, c.rst); // lines of messages the writer itself reports
    if (withMessages) {
      document.transformMessages = transformMessages(c);
      for (const m of document.transformMessages) for (const id of m.ids) document.idMap.set(id, m);
    }
    actual = toHtml(document);
  } catch (e) {
    actual = `!! exception: ${(e as Error).stack ?? String(e)}`;
  }
  return outcome(c, expected, actual);
}

function outcome(c: Case, expected: string[], actual: string): Outcome {
  const act = htmlTokens(actual);
  const passed = expected.length === act.length && expected.every((t, i) => t === act[i]);
  return {
    origin: c.origin ?? c.id,
    passed,
    similarity: passed ? 1 : similarity(expected, act),
    diff: passed ? "" : actual.startsWith("!!") ? actual : firstDifference(expected, act),
  };
}

function summary(label: string, outcomes: Outcome[]): string {
  const failures = outcomes.filter((o) => !o.passed);
  const passed = outcomes.length - failures.length;
  const mean = failures.length ? failures.reduce((s, f) => s + f.similarity, 0) / failures.length : 1;
  const pct = ((100 * passed) / Math.max(1, outcomes.length)).toFixed(1);
  return `${label}: ${passed}/${outcomes.length} exact (${pct}%), mean similarity of failures ${mean.toFixed(3)}`;
}

function main(argv: string[]): number {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const file = resolve(opt("--cases") ?? "../shared/rst-conformance/cases.jsonl");
  if (!existsSync(file)) {
    console.error(`${file}: conformance cases not found (pass --cases FILE)`);
    return 2;
  }
  const filter = opt("--filter");
  const show = Number(opt("--show") ?? "0");
  const cases = readCases(file).filter(
    (c) => c.doctree_pseudoxml !== undefined && c.html5_body !== undefined && (!filter || (c.origin ?? c.id).includes(filter)),
  );
  const strict = cases.map((c) => runWriterCase(c, false));
  const assisted = cases.map((c) => runWriterCase(c, true));
  const verified = cases.map((c) => runWriterCase(c, true, true));
  const failures = verified.filter((o) => !o.passed);
  for (const f of failures.slice(0, show)) console.log(`\n=== ${f.origin} (similarity ${f.similarity.toFixed(3)})\n${f.diff}`);
  if (argv.includes("--list")) for (const f of failures) console.log(`  FAIL ${f.similarity.toFixed(3)} ${f.origin}`);
  console.log(summary("writer only (doctree_pseudoxml → html5_body)", strict));
  console.log(summary("writer + transform messages from our transforms", assisted));
  console.log(summary("writer on our own tree where it equals docutils' doctree, else as above", verified));
  return 0;
}

if (process.argv[1]?.endsWith("writer-conformance.ts")) process.exitCode = main(process.argv.slice(2));
