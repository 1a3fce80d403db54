import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readCases } from "./run-cases.ts";
import { runTransformCase } from "./transforms-conformance.ts";

const casesFile = resolve(process.cwd(), "../shared/rst-conformance/cases.jsonl");

describe("transform-only conformance (docutils' parser output → our transforms)", () => {
  it.skipIf(!existsSync(casesFile))("matches docutils' doctree for at least 97% of the cases", () => {
    const cases = readCases(casesFile);
    const passed = cases.map(runTransformCase).filter((r) => r.passed).length;
    expect(passed / cases.length).toBeGreaterThanOrEqual(0.97);
  });

  it.skipIf(!existsSync(casesFile))("passes every test_transforms case whose input the reader can restore", () => {
    // bibliographic_field_lists[5] needs backslash escapes, which pseudo-XML does not keep.
    const failing = readCases(casesFile)
      .filter((c) => (c.origin ?? "").startsWith("test_transforms/"))
      .map(runTransformCase)
      .filter((r) => !r.passed)
      .map((r) => r.origin);
    expect(failing).toEqual(["test_transforms/test_docinfo.py:bibliographic_field_lists[5]"]);
  });
});

if (!existsSync(casesFile)) console.log(`skipped: ${casesFile} not found`);
