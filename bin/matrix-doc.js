#!/usr/bin/env node
// Entry point of the `matrix-doc` command. It runs the compiled toolchain in
// dist/, which `npm ci` (the `prepare` script) makes from scripts/. When a
// source file is newer than that build (while the toolchain itself is being
// edited), it runs the TypeScript through tsx instead, and says so once.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiled = join(root, "dist", "cli.js");

/** Test code, which the compiled toolchain does not hold. */
const testCode = (name) => name === "fixtures" || name === "testing" || name.endsWith(".test.ts") || name.startsWith("test-");

/** The newest modification time of the toolchain's TypeScript (tests and fixtures left out). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (testCode(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let entry = compiled;
const sources = join(root, "scripts");
if (!existsSync(compiled) || (existsSync(sources) && newestSource(sources) > statSync(compiled).mtimeMs)) {
  try {
    const { register } = await import("tsx/esm/api");
    register();
    entry = join(sources, "cli.ts");
  } catch {
    process.stderr.write("matrix-doc: the compiled toolchain in dist/ is missing or older than scripts/; run `npm run prepare` (or `npm ci`).\n");
    process.exit(2);
  }
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv);
