// In dist/, the `yaml` package is bundled with the toolchain (and its modules run
// on first use) rather than loaded from node_modules' sixty files: data-file.ts
// names it with a bare `require` that esbuild resolves. Checked here by bundling
// data-file.ts as build-dist.mjs does and parsing, with the bundle, YAML that
// only the `yaml` package path takes (an anchor).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const HERE = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "yaml-bundled-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the yaml package in the bundle", () => {
  it("is bundled, and parses what common-yaml.ts leaves to it", async () => {
    const out = await build({
      entryPoints: [resolve(HERE, "data-file.ts")],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      write: false,
      banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
      logLevel: "silent",
    });
    const code = out.outputFiles[0].text;
    // A message of the `yaml` package's composer: its code is in the bundle.
    expect(code).toContain("Implicit keys need to be on a single line");
    const file = join(dir, "data-file.mjs");
    writeFileSync(file, code);
    const bundled = (await import(pathToFileURL(file).href)) as typeof import("./data-file.ts");
    const parsed = bundled.parseDataFile("a.yaml", "/a.yaml", "a: &x 1\nb: *x\n");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.file?.value).toEqual({ a: 1, b: 1 });
  }, 60_000);
});
