// Where the toolchain's own files are: the folder holding its package.json,
// found from this module's location, so that the same code works run as
// TypeScript (scripts/) and compiled (dist/scripts/).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templating"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`The toolchain's package.json was not found above ${start}.`);
    dir = parent;
  }
}

/** The toolchain's root folder (where package.json, templating/ and node_modules/ are). */
export const TOOLCHAIN_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
/** The nunjucks templates of the generated sections. */
export const TEMPLATE_DIR = join(TOOLCHAIN_ROOT, "templating/templates");
/** The page theme: page template, versions page, CSS and script. */
export const THEME_DIR = join(TOOLCHAIN_ROOT, "templating/theme");
/** Parsed YAML and compiled validators kept between runs. */
export const DEFAULT_CACHE_DIR = join(TOOLCHAIN_ROOT, "node_modules/.cache/matrix-doc");
/** The compiled toolchain (build-dist.mjs): its code and what is compiled with it. */
export const COMPILED_DIR = join(TOOLCHAIN_ROOT, "dist");
/** Whether the toolchain runs compiled from dist/, rather than as TypeScript (tests, tsx). */
export const RUNNING_COMPILED = dirname(fileURLToPath(import.meta.url)).startsWith(COMPILED_DIR);
