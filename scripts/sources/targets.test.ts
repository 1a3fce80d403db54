import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTargets, resolveTarget } from "./targets.ts";

function tree(yaml: string): string {
  const root = mkdtempSync(join(tmpdir(), "targets-"));
  mkdirSync(join(root, "specification"));
  writeFileSync(join(root, "specification/targets.yaml"), yaml);
  return root;
}

const YAML = `targets:
  main:
    files:
      - a.rst
      - { 1: b.rst }
      - group:mods
      - { 1: group:mods }
groups:
  mods:
    - { 1: m/x.rst }
    - m/y.rst
title_styles: ["=", "-", "~"]
relative_title_styles: { subtitle: "<", sametitle: "/", supertitle: ">" }
`;

describe("targets", () => {
  it("resolves files, depth maps and groups, adding depths through groups", () => {
    const { config, diagnostics } = loadTargets(tree(YAML));
    expect(diagnostics).toEqual([]);
    const { files } = resolveTarget(config!, "main");
    expect(files.map(({ path, depth }) => ({ path, depth }))).toEqual([
      { path: "specification/a.rst", depth: 0 },
      { path: "specification/b.rst", depth: 1 },
      { path: "specification/m/x.rst", depth: 1 },
      { path: "specification/m/y.rst", depth: 0 },
      { path: "specification/m/x.rst", depth: 2 },
      { path: "specification/m/y.rst", depth: 1 },
    ]);
  });

  it("remembers the line that lists each file (the group's line for a file of a group)", () => {
    const { config } = loadTargets(tree(YAML));
    const { files } = resolveTarget(config!, "main");
    expect(files.map((f) => f.origin?.line)).toEqual([4, 5, 10, 11, 10, 11]);
  });

  it("refuses paths that leave the tree, at their line", () => {
    const { config } = loadTargets(tree(YAML.replace("      - a.rst\n", "      - ../../etc/passwd\n      - /etc/passwd\n      - ../api/ok.rst\n")));
    const { files, diagnostics } = resolveTarget(config!, "main");
    expect(diagnostics.map((d) => `${d.code}:${d.line}`)).toEqual(["path-outside-root:4", "path-outside-root:5"]);
    expect(files[0].path).toBe("api/ok.rst");
  });

  it("reports an unknown target, naming the known ones", () => {
    const { config } = loadTargets(tree(YAML));
    const { diagnostics } = resolveTarget(config!, "nope");
    expect(diagnostics[0].code).toBe("unknown-target");
    expect(diagnostics[0].message).toContain("main");
  });

  it("reports an unknown group at the line that names it", () => {
    const { config } = loadTargets(tree(YAML.replace("group:mods\n", "group:missing\n")));
    const { diagnostics } = resolveTarget(config!, "main");
    expect(diagnostics[0]).toMatchObject({ code: "unknown-group", file: "specification/targets.yaml", line: 6 });
  });

  it("reports a group that includes itself", () => {
    const { config } = loadTargets(tree(YAML.replace("    - m/y.rst\n", "    - m/y.rst\n    - group:mods\n")));
    const { diagnostics } = resolveTarget(config!, "main");
    expect(diagnostics.some((d) => d.code === "group-cycle")).toBe(true);
  });

  it("reports bad title styles", () => {
    const { diagnostics } = loadTargets(tree(YAML.replace('["=", "-", "~"]', '["==", "-"]')));
    expect(diagnostics[0]).toMatchObject({ code: "targets-invalid", line: 12 });
  });
});
