// The validators of the toolchain's own schemas (today Swagger 2.0), compiled
// when the toolchain is (build-dist.mjs calls writeToolchainValidators). They
// depend on nothing in the spec tree, and compiling the Swagger 2.0 schema is
// the largest part of a first check's compiling, so no run pays for it, not
// even the first one on a fresh clone or one with --no-cache. The registry
// (./schema-registry.ts) takes a precompiled validator only when its digest
// matches the schema and the compiler it would use itself; otherwise it
// compiles as before.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ajvLibrary } from "./ajv-library.cjs";
import { newDraft04, precompiledDigest, sharedKey } from "./schema-registry.ts";
import { swaggerSchemaEntry } from "./swagger.ts";


/** The schemas compiled with the toolchain. */
function toolchainSchemas(): { id: string; schema: () => object; fingerprint: string }[] {
  return [swaggerSchemaEntry()];
}

/** Compiles the toolchain's schemas into one CommonJS module at `file`, written whole (a temporary file, then a rename). */
export function writeToolchainValidators(file: string): void {
  const ajv = newDraft04();
  const names: Record<string, string> = {};
  const digests: Record<string, string> = {};
  toolchainSchemas().forEach(({ id, schema, fingerprint }, i) => {
    ajv.addSchema(schema(), id);
    names[`v${i}`] = id;
    digests[`v${i}`] = precompiledDigest(sharedKey(id, fingerprint));
  });
  const code = `${ajvLibrary().standaloneCode(ajv, names)}\nmodule.exports.digests = ${JSON.stringify(digests)};\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, code);
  renameSync(`${file}.tmp`, file);
}
