// The nunjucks templates (templating/templates/, templating/theme/), compiled
// once and kept: nunjucks turns a template into JavaScript source, which is
// most of the time of a first render; that source is kept in the cache folder
// under a hash of the template's text, the environment's options and nunjucks'
// version, and made into the template's functions again in later runs. A
// template that does not compile is handed to nunjucks as text, so that it
// reports the error as it always does.
//
// The toolchain's own templates are also compiled with the toolchain
// (build-dist.mjs, ./compiled-with-toolchain.ts) into dist/templates/, which is
// read after the cache folder: a first run, or one with --no-cache, compiles
// only a template edited since.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import nunjucks from "nunjucks";
import { COMPILED_DIR, DEFAULT_CACHE_DIR, RUNNING_COMPILED, TOOLCHAIN_ROOT } from "./toolchain-paths.ts";

let nunjucksVersion: string | undefined;
function version(): string {
  if (nunjucksVersion === undefined) {
    try {
      nunjucksVersion = String((JSON.parse(readFileSync(join(TOOLCHAIN_ROOT, "node_modules/nunjucks/package.json"), "utf8")) as { version: string }).version);
    } catch {
      nunjucksVersion = "unknown";
    }
  }
  return nunjucksVersion;
}

/** Compiled templates kept in the cache folder, at most. */
const KEPT = 64;


/** Where compiled templates are kept between runs; undefined: nowhere (`--no-cache`). */
let cacheDir: string | undefined = DEFAULT_CACHE_DIR;

/** Sets where compiled templates are kept (the drivers of `check` and `build` do, from their cache folder). */
export function keepCompiledTemplatesIn(dir: string | undefined): void {
  cacheDir = dir;
}

interface Compiler {
  compile(src: string, asyncFilters: string[], extensions: unknown[], name: string, opts: object): string;
}

/** The template's functions from its compiled source, as nunjucks makes them (Template._compile); undefined when the source is damaged. */
function functionsOf(source: string): object | undefined {
  try {
    return new Function(source)() as object;
  } catch {
    return undefined;
  }
}

/** A loader of the templates of `dir`, like nunjucks' FileSystemLoader, that keeps what it compiled. */
export class CompiledTemplateLoader extends nunjucks.Loader {
  /** The environment whose options the templates are compiled with; set by `environment`. */
  env: nunjucks.Environment | undefined;
  /** Compiled source by key, once read or made. */
  private readonly compiled = new Map<string, string>();

  constructor(
    readonly dir: string,
    /** Read the template again on every use (the theme, which the preview may see edited). */
    readonly noCache: boolean,
  ) {
    super();
  }

  getSource(name: string): nunjucks.LoaderSource {
    const fullpath = resolve(this.dir, name);
    if (!fullpath.startsWith(this.dir + sep)) return null as unknown as nunjucks.LoaderSource;
    let text: string;
    try {
      text = readFileSync(fullpath, "utf8");
    } catch {
      return null as unknown as nunjucks.LoaderSource;
    }
    const opts = (this.env as unknown as { opts: object } | undefined)?.opts ?? {};
    const key = createHash("sha256").update(JSON.stringify([version(), opts, name, text])).digest("hex").slice(0, 40);
    const kept = this.compiled.get(key) ?? read(key);
    const props = kept === undefined ? undefined : functionsOf(kept);
    if (props) {
      this.compiled.set(key, kept!);
      return { src: { type: "code", obj: props }, path: fullpath, noCache: this.noCache } as unknown as nunjucks.LoaderSource;
    }
    let source: string;
    try {
      source = (nunjucks as unknown as { compiler: Compiler }).compiler.compile(text, [], [], fullpath, opts);
    } catch {
      return { src: text, path: fullpath, noCache: this.noCache };
    }
    write(key, source);
    this.compiled.set(key, source);
    return { src: { type: "code", obj: functionsOf(source) }, path: fullpath, noCache: this.noCache } as unknown as nunjucks.LoaderSource;
  }

}

function pathOf(key: string, dir = cacheDir): string | undefined {
  return dir && join(dir, "templates", `${key}.js`);
}

/** The compiled source kept under `key`, in the cache folder or else among the templates compiled with the toolchain. */
function read(key: string): string | undefined {
  return readFrom(pathOf(key)) ?? (RUNNING_COMPILED ? readFrom(pathOf(key, COMPILED_DIR)) : undefined);
}

function readFrom(path: string | undefined): string | undefined {
  try {
    return path ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

/** Whole or not at all (a temporary file, then a rename); failing costs only speed. */
function write(key: string, source: string): void {
  const path = pathOf(key);
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.${process.pid}.tmp`, source);
    renameSync(`${path}.${process.pid}.tmp`, path);
    // Only the newest ones: every edit of a template makes another.
    const dir = dirname(path);
    const kept = readdirSync(dir)
      .filter((n) => n.endsWith(".js"))
      .map((n) => ({ path: join(dir, n), mtime: statSync(join(dir, n)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of kept.slice(KEPT)) unlinkSync(old.path);
  } catch {
    // a read-only cache folder: compile again next time
  }
}

/** A nunjucks environment over the templates of `dir` through a CompiledTemplateLoader. */
export function environment(dir: string, options: nunjucks.ConfigureOptions & { noCache: boolean }): nunjucks.Environment {
  const { noCache, ...opts } = options;
  const loader = new CompiledTemplateLoader(dir, noCache);
  const env = new nunjucks.Environment(loader, opts);
  loader.env = env;
  return env;
}

/**
 * Compiles every template (`.njk`) of each environment's folder into
 * `<dir>/templates/` under the key a run looks it up by (build-dist.mjs, through
 * ./compiled-with-toolchain.ts).
 */
export function writeCompiledTemplates(dir: string, environments: nunjucks.Environment[]): void {
  const previous = cacheDir;
  cacheDir = dir;
  try {
    for (const env of environments) {
      const loader = (env as unknown as { loaders: CompiledTemplateLoader[] }).loaders[0];
      for (const name of readdirSync(loader.dir).filter((n) => n.endsWith(".njk"))) env.getTemplate(name, true);
    }
  } finally {
    cacheDir = previous;
  }
}
