// The two drivers of the pipeline and the check: `build`, the preview's session
// and `check` run the same stages, so they agree: the same pages from build and
// preview (also on a tree without the how-to), and `check` fails wherever
// `build` fails.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBuild } from "../build/build.ts";
import { runChecks } from "../check-command/run.ts";
import { PreviewSession } from "../serve/session.ts";
import { plainStages } from "./stages.ts";

const MINI = resolve(import.meta.dirname, "../build/fixtures/mini-tree");
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "drivers-"));
  temps.push(dir);
  cpSync(MINI, join(dir, "tree"), { recursive: true });
  return join(dir, "tree");
}

const build = (root: string) => runBuild({ root, out: join(root, "..", "out"), stages: plainStages({ cacheDir: undefined }) });
const errorCodes = (ds: { severity: string; code: string }[]) => ds.filter((d) => d.severity === "error").map((d) => d.code);

describe("build and preview", () => {
  it("make the same pages, on a tree with the how-to and on one without", async () => {
    for (const withHowto of [true, false]) {
      const root = copy();
      if (!withHowto) rmSync(join(root, "supporting-docs"), { recursive: true });
      const built = await build(root);
      expect(built.ok).toBe(true);
      const session = new PreviewSession({ root, out: join(root, "..", "preview"), cacheDir: undefined });
      const previewed = session.build();
      expect(previewed.ok).toBe(true);
      const pages = [...previewed.pages.keys()].sort();
      expect(pages).toEqual(withHowto ? ["howtos.html", "index.html"] : ["index.html"]);
      for (const page of pages) expect(previewed.pages.get(page), page).toBe(readFileSync(join(built.outDir, built.version!, page), "utf8"));
    }
  });
});

describe("check fails wherever build fails", () => {
  const cases: [string, (root: string) => void][] = [
    ["no targets.yaml", (root) => rmSync(join(root, "specification/targets.yaml"))],
    ["an empty targets.yaml", (root) => writeFileSync(join(root, "specification/targets.yaml"), "")],
    ["a listed file that is missing", (root) => rmSync(join(root, "specification/typing.rst"))],
    ["an unknown variable", (root) => writeFileSync(join(root, "specification/intro.rst"), readFileSync(join(root, "specification/intro.rst"), "utf8") + "\n{{no_such_variable}}\n")],
    ["an empty prose file", (root) => writeFileSync(join(root, "specification/intro.rst"), "")],
  ];
  for (const [name, breakIt] of cases) {
    it(name, async () => {
      const root = copy();
      breakIt(root);
      const built = await build(root);
      const checked = runChecks(root, { cacheDir: null });
      expect(built.ok).toBe(false);
      expect(checked.summary.errors).toBeGreaterThan(0);
      expect(errorCodes(checked.diagnostics)).toEqual(errorCodes(built.diagnostics));
    });
  }
});
