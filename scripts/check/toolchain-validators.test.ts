// The validators compiled with the toolchain (./toolchain-validators.ts) are
// found under the digest the registry computes, and judge documents exactly as
// the same schema compiled at run time does.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runChecks } from "../check-command/run.ts";
import { copyMiniTree, REPO } from "../serve/test-tree.ts";
import { loadPrecompiled, newDraft04, precompiledDigest, sharedKey } from "./schema-registry.ts";
import { swaggerSchemaEntry } from "./swagger.ts";
import { writeToolchainValidators } from "./toolchain-validators.ts";

const dir = mkdtempSync(join(tmpdir(), "toolchain-validators-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("validators compiled with the toolchain", () => {
  const file = join(dir, "validators.cjs");
  writeToolchainValidators(file);
  const precompiled = loadPrecompiled(file);
  const { id, schema, fingerprint } = swaggerSchemaEntry();

  it("hold the Swagger 2.0 validator under the digest of its schema and compiler, and nothing under another", () => {
    expect(precompiled.size).toBe(1);
    expect(precompiled.has(precompiledDigest(sharedKey(id, fingerprint)))).toBe(true);
    expect(precompiled.has(precompiledDigest(sharedKey(id, fingerprint + " changed")))).toBe(false);
    expect(loadPrecompiled(join(dir, "missing.cjs")).size).toBe(0);
  });

  it("give the same verdict and the same errors as the schema compiled at run time", () => {
    const loaded = precompiled.get(precompiledDigest(sharedKey(id, fingerprint)))!;
    const ajv = newDraft04();
    ajv.addSchema(schema(), id);
    const compiled = ajv.getSchema(id)!;
    const valid = { swagger: "2.0", info: { title: "t", version: "1" }, paths: { "/a": { get: { responses: { 200: { description: "ok" } } } } } };
    const invalid = { swagger: "2.0", info: { title: "t" }, paths: { "/a": { get: { parameters: [{ in: "body", schema: {} }], responses: {} } }, b: {} }, "x-ok": 1 };
    for (const document of [valid, invalid]) {
      expect(loaded(document)).toBe(compiled(document));
      expect(loaded.errors ?? null).toEqual(compiled.errors ?? null);
    }
    expect(loaded(invalid)).toBe(false);
    expect(loaded.errors!.length).toBeGreaterThan(2);
  });
});

describe("the compiled command", () => {
  it("reports an invalid Swagger file exactly as the check run from TypeScript, which compiles the schema itself", () => {
    const tree = copyMiniTree("toolchain-validators-");
    try {
      const file = join(tree.root, "api/client-server/v1/typing.yaml");
      // A parameter without `in`, an operation without responses, a path not starting with a slash.
      writeFileSync(file, readFileSync(file, "utf8").replace("        - in: path\n          type: string\n          name: userId", "        - type: string\n          name: userId").replace("paths:\n", 'paths:\n  "rooms":\n    get: {}\n'));
      const inProcess = runChecks(tree.root, { cacheDir: null });
      const cli = spawnSync(process.execPath, [join(REPO, "bin/matrix-doc.js"), "check", "--no-cache", "--format", "json", "--root", tree.root], { encoding: "utf8" });
      expect(cli.status).toBe(1);
      const reported = (JSON.parse(cli.stdout) as { diagnostics: { file: string; line?: number; code: string; message: string }[] }).diagnostics;
      const swaggerProblems = (ds: { file: string; line?: number; code: string; message: string }[]) => ds.filter((d) => d.file.endsWith("typing.yaml")).map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`);
      expect(swaggerProblems(reported).length).toBeGreaterThan(0);
      expect(swaggerProblems(reported)).toEqual(swaggerProblems(inProcess.diagnostics as never));
    } finally {
      tree.remove();
    }
  });
});
