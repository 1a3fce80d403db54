// The command line's last line of defence: an internal error that escapes a
// command is reported, and with `--format json` standard output is still one
// valid JSON document.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("./check-command/run.ts", () => ({
  runChecks: () => {
    throw new RangeError("Maximum call stack size exceeded");
  },
}));

const { main } = await import("./cli.ts");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe("an internal error", () => {
  it("with --format json prints a JSON report holding it, and exits 1", async () => {
    const { out, err } = capture();
    const code = await main(["node", "matrix-doc", "check", "--root", ".", "--format", "json"]);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    const report = JSON.parse(out.join("")) as { summary: { errors: number }; diagnostics: { code: string; message: string }[] };
    expect(report.summary.errors).toBe(1);
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: "internal-error", message: expect.stringContaining("Maximum call stack size exceeded") })]);
    expect(err.join("")).toContain("internal error");
  });

  it("in text mode goes to standard error only", async () => {
    const { out, err } = capture();
    const code = await main(["node", "matrix-doc", "check", "--root", "."]);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(out.join("")).toBe("");
    expect(err.join("")).toContain("matrix-doc check: internal error: Maximum call stack size exceeded");
  });
});
