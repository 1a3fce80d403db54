import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSources } from "../sources/index.ts";
import { checkRstText, neutralizeVariables, rstFiles } from "./rst-files.ts";
import type { CheckContext } from "./check.ts";

function treeWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "rst-check-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const TARGETS = "targets:\n  main:\n    files:\n      - a.rst\ntitle_styles: ['=', '-']\n";

describe("the check of RST that is not built", () => {
  it("lets a template variable alone on its line stand for content, so that it can be a directive's body", () => {
    expect(neutralizeVariables("Version {{spec_version}} here\n\n  {{ rooms_http_api }}\n")).toBe("Version xxxxxxxxxxxxxxxx here\n\n  generated\n");
    expect(checkRstText("drafts/x.rst", "T\n=\n\n.. note::\n\n   {{ some_variable }}\n")).toEqual([]);
  });

  it("reports every problem as a warning at the file's line", () => {
    const d = checkRstText("drafts/x.rst", "Title\n=====\n\nGood.\n\nThis *never ends.\n\n.. nosuchdirective::\n");
    expect(d.map((x) => [x.severity, x.code, x.line])).toEqual([
      ["warning", "rst-warning", 6],
      ["warning", "rst-error", 8],
    ]);
  });

  it("says how to allow the raw directive, and allows it when asked", () => {
    const text = "T\n=\n\n.. raw:: html\n\n   <b>x</b>\n";
    const [d] = checkRstText("drafts/x.rst", text);
    expect(d.message).toContain("raw: true");
    expect(d.message).toContain("--allow-raw");
    expect(checkRstText("drafts/x.rst", text, { allowRaw: true })).toEqual([]);
  });

  it("checks drafts and the .rst files no target includes, but not the built ones", () => {
    const root = treeWith({
      "specification/targets.yaml": TARGETS,
      "specification/a.rst": "A\n=\n\n*built, checked by the rst stage\n",
      "specification/unused.rst": "U\n=\n\n*not built\n",
      "supporting-docs/guide.rst": "---\ntitle: front matter\n---\n\nG\n=\n\n.. nosuchdirective::\n",
      "drafts/d.rst": "D\n=\n\n*draft\n",
      "elsewhere/e.rst": "*not checked\n",
    });
    const d = rstFiles({ ...loadSources(root) } as CheckContext);
    expect(d.map((x) => `${x.severity} ${x.file}:${x.line}`)).toEqual([
      "warning specification/unused.rst:4",
      "warning supporting-docs/guide.rst:8",
      "warning drafts/d.rst:4",
    ]);
  });
});
