// Compiles the toolchain (scripts/) into dist/, which bin/matrix-doc.js runs.
// `npm ci` runs it through the `prepare` script.
//
// The toolchain is bundled with esbuild, its libraries included, into a few
// files: the entry (dist/cli.js) and one chunk per lazily imported command.
// Node then reads and compiles a handful of files at start-up instead of
// resolving some four hundred modules, which used to take most of a
// `check`'s first half-second. Types are not checked here (`npm run
// typecheck` does that).
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Loaded from node_modules at run time: native code, browsers, optional watchers, test tools. */
const external = ["esbuild", "playwright-core", "@axe-core/playwright", "chokidar", "fsevents", "tsx", "tsx/*", "vitest", "fast-check", "@apidevtools/swagger-parser"];

rmSync("dist", { recursive: true, force: true });
await build({
  // The second entry compiles what the toolchain ships compiled, below.
  entryPoints: ["scripts/cli.ts", "scripts/compiled-with-toolchain.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  // Bundled CommonJS libraries call `require` for Node's own modules.
  banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "linked",
  logLevel: "warning",
});
// The Swagger 2.0 schema's validator and the templates, compiled once here
// rather than on each first run (scripts/compiled-with-toolchain.ts).
const { compileWithToolchain } = await import("./dist/compiled-with-toolchain.js");
compileWithToolchain("dist");
// The hash of every file of the build, which the stage memo takes for the
// toolchain's code (scripts/pipeline/memo/tree-hash.ts) instead of hashing
// dist/ on each run.
const hash = createHash("sha256");
for (const name of readdirSync("dist", { recursive: true }).map(String).sort()) {
  const path = join("dist", name);
  if (statSync(path).isFile()) hash.update(`${name}\0`).update(readFileSync(path)).update("\0");
}
writeFileSync("dist/build-id", hash.digest("hex") + "\n");
// bin/matrix-doc.js compares this file's time with the sources' to tell a stale build.
utimesSync("dist/cli.js", new Date(), new Date());
