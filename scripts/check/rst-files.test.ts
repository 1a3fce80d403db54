import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRstText, neutralizeVariables, rstFiles } from "./rst-files.ts";
import type { CheckContext } from "./context.ts";

describe("the RST check", () => {
  it("replaces template variables by a comment (alone on a line) or by as many x as they are long", () => {
    expect(neutralizeVariables("Version {{spec_version}} here\n\n  {{ rooms_http_api }}\n")).toBe("Version xxxxxxxxxxxxxxxx here\n\n  .. {{ rooms_http_api }}\n");
  });

  it("reports problems of level WARNING and above at the file's line", () => {
    const d = checkRstText("drafts/x.rst", "Title\n=====\n\nGood.\n\nThis *never ends.\n", { transforms: true });
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: "rst-warning", severity: "error", file: "drafts/x.rst", line: 6 });
  });

  it("accepts text with template variables, even inside a title", () => {
    expect(checkRstText("specification/a.rst", "Version {{spec_version}}\n========================\n\n{{ rooms_http_api }}\n", { transforms: false })).toEqual([]);
  });

  it("leaves links to other files of the target to the build in specification/, but not in standalone documents", () => {
    const text = "Title\n=====\n\nSee `Somewhere Else`_.\n";
    expect(checkRstText("specification/a.rst", text, { transforms: false })).toEqual([]);
    const standalone = checkRstText("drafts/a.rst", text, { transforms: true });
    expect(standalone.map((d) => [d.code, d.line])).toEqual([["rst-error", 4]]);
  });

  it("checks every .rst under specification/, supporting-docs/ and drafts/ of a tree", () => {
    const root = mkdtempSync(join(tmpdir(), "rst-check-"));
    const files: Record<string, string> = {
      "specification/modules/m.rst": "M\n=\n\nok\n\n*bad\n",
      "supporting-docs/howtos/h.rst": "H\n=\n\n.. nosuchdirective::\n",
      "drafts/d.rst": "D\n=\n\nfine\n",
      "elsewhere/e.rst": "*not checked\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const d = rstFiles({ root } as CheckContext);
    expect(d.map((x) => `${x.file}:${x.line} ${x.code}`)).toEqual(["specification/modules/m.rst:6 rst-warning", "supporting-docs/howtos/h.rst:4 rst-error"]);
  });
});
