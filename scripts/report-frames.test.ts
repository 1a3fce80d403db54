import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatText, withCodeFrames } from "./report.ts";

describe("code frames for the preview's overlay", () => {
  it("are the excerpt the terminal shows, without colour", () => {
    const root = mkdtempSync(join(tmpdir(), "report-"));
    writeFileSync(join(root, "a.yaml"), "one: 1\ntwo: [\nthree: 3\n");
    const d = { severity: "error" as const, code: "yaml-syntax", message: "Unclosed list.", file: "a.yaml", line: 2, column: 6 };
    const [framed, bare] = withCodeFrames([d, { ...d, file: undefined, line: undefined }], root);
    expect(framed.frame).toBe("  1 | one: 1\n> 2 | two: [\n    |      ^");
    expect(formatText([d], { root })).toContain(framed.frame!);
    expect(bare.frame).toBeUndefined();
  });
});
