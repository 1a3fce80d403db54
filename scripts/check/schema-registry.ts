// The one ajv (draft-04) instance that validates examples, schema files and
// Swagger documents. Each loaded file is added to it once, under an opaque id
// (`urn:matrix-doc:f<n>`), with every `$ref` rewritten to the absolute id of what
// the SourceCache resolved it to. So ajv never resolves a path, never fetches
// anything, and a schema referenced from many places is compiled once. A `$ref`
// the cache refused or found broken (missing, outside the root, a URL, closing a
// cycle) becomes `{}`: it was reported already, and the rest is still checked.
//
// Compiling is most of the check's time, so `prepare` compiles every schema the
// checks will use in one go and keeps ajv's generated code in a cache folder,
// keyed by a hash of everything that went into it (the rewritten files, the
// schemas asked for, the ajv version and options). The next run with the same
// sources loads that code instead of compiling; any change gives a new key.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type draft04 from "ajv-draft-04";
import type { ErrorObject, ValidateFunction } from "ajv-draft-04";
import type { DataFile } from "../sources/data-file.ts";
import { escapeSegment, pointerToFragment } from "../sources/pointer.ts";
import type { SourceCache } from "../sources/source-cache.ts";
import { COMPILED_DIR, RUNNING_COMPILED } from "../toolchain-paths.ts";
import { re2RegExp } from "./re2-pattern.ts";
import { ajvLibrary, ajvVersions } from "./ajv-library.cjs";

const require = createRequire(import.meta.url);
const { ajv: AJV_VERSION, draft04: AJV_DRAFT04_VERSION } = ajvVersions();

/** A schema: the value at `pointer` in `file`. */
export interface SchemaAt {
  file: DataFile;
  pointer: string;
}

export type CompiledSchema = { validate: ValidateFunction; error?: undefined } | { validate?: undefined; error: string };

// ajv-draft-04 is CommonJS; its class is the `default` export of the module object.
type Draft04Class = typeof draft04.default;
export type Draft04Ajv = InstanceType<Draft04Class>;

const OPTIONS = {
  allErrors: true,
  strict: false,
  validateFormats: false,
  validateSchema: false,
  logger: false,
  inlineRefs: false,
  code: { source: true, optimize: false },
} as const;

/** What a compiled validator depends on besides its schema: the libraries' versions, the options and the pattern engine. */
const COMPILER = `ajv ${AJV_VERSION} ajv-draft-04 ${AJV_DRAFT04_VERSION} ${JSON.stringify(OPTIONS)} regExp ${re2RegExp.code}`;

/** A new ajv for draft-04, with RE2 for patterns (./re2-pattern.ts). ajv is loaded on first use: with every validator cached, it is not needed. */
export function newDraft04(extra: { verbose?: boolean } = {}): Draft04Ajv {
  const { Draft04 } = ajvLibrary();
  return new Draft04({ ...OPTIONS, ...extra, code: { ...OPTIONS.code, regExp: re2RegExp } });
}

/** The draft-04 meta-schema's id in ajv. */
export const DRAFT04_META = "http://json-schema.org/draft-04/schema";

/** Where compiled validators are kept between runs (inside the toolchain's node_modules). */
export { DEFAULT_CACHE_DIR } from "../toolchain-paths.ts";

/** The prefix of the ids of source files in ajv. */
const FILE_ID = "urn:matrix-doc:f";

/** The validators of the schemas that are not source files, by key and fingerprint, for every registry of the process. */
const sharedValidators = new Map<string, CompiledSchema>();

/** How a schema that is not a source file is known among the shared and the precompiled validators: its ajv key and its fingerprint. */
export function sharedKey(key: string, fingerprint: string): string {
  return `${key}\0${fingerprint}`;
}

/**
 * The validators of the toolchain's own schemas (Swagger 2.0), compiled with the
 * toolchain (./toolchain-validators.ts): a module exporting each validator and,
 * under `digests`, the digest of what it was compiled from (sharedKey and COMPILER).
 */
export const PRECOMPILED_VALIDATORS = join(COMPILED_DIR, "validators.cjs");

/** The digest under which a precompiled validator is found. */
export function precompiledDigest(shared: string): string {
  return createHash("sha256").update(`${COMPILER}\n${shared}`).digest("hex");
}

/** The validators of a precompiled module by digest (none when the file is absent or unusable). */
export function loadPrecompiled(file: string): Map<string, ValidateFunction> {
  const loaded = loadModule(file);
  const digests = (loaded?.digests ?? {}) as Record<string, string>;
  const validators = new Map<string, ValidateFunction>();
  for (const [name, digest] of Object.entries(digests)) if (typeof loaded![name] === "function") validators.set(digest, loaded![name] as ValidateFunction);
  return validators;
}

let precompiled: Map<string, ValidateFunction> | undefined;

/** The precompiled validator of a shared key, when the toolchain runs compiled and holds one made from the same schema by the same compiler. */
function precompiledValidator(shared: string): CompiledSchema | undefined {
  precompiled ??= RUNNING_COMPILED ? loadPrecompiled(PRECOMPILED_VALIDATORS) : new Map();
  const validate = precompiled.get(precompiledDigest(shared));
  return validate && { validate };
}

export class SchemaRegistry {
  private ajvInstance: Draft04Ajv | undefined;
  /** Schemas to add to ajv when it is created: id and schema (or a function giving it). */
  private readonly pending: [string, object | (() => object)][] = [];
  private readonly ids = new Map<DataFile, string>();
  private readonly compiled = new Map<string, CompiledSchema>();
  private readonly failuresReported = new Set<string>();
  /** How many times a schema that does not compile was asked for (./kept-units.ts keeps no part that met one). */
  compileFailures = 0;
  private readonly extra = new Map<string, string>();
  /** Keys whose validator another registry compiled (this ajv does not hold them: they are left out of the kept module). */
  private readonly fromShared = new Set<string>();
  /** Schemas that are not source files, by id, until first compiled. */
  private readonly named = new Map<string, () => object>();

  constructor(
    private readonly cache: SourceCache,
    /** Folder for compiled validators; undefined to compile every time (`--no-cache`). No default: an undefined folder must not become the default one. */
    private readonly cacheDir: string | undefined,
  ) {}

  /** The ajv instance, created (with every schema added so far) on first use. */
  get ajv(): Draft04Ajv {
    if (!this.ajvInstance) {
      this.ajvInstance = newDraft04();
      for (const [id, schema] of this.pending) this.add(id, schema);
      this.pending.length = 0;
    }
    return this.ajvInstance;
  }

  private add(id: string, schema: object | (() => object)): void {
    try {
      this.ajv.addSchema(typeof schema === "function" ? schema() : schema, id);
    } catch {
      // e.g. two nested `id`s that clash: compiling anything from it then fails, and is reported there.
    }
  }

  /**
   * Add a schema that is not a source file (e.g. the Swagger 2.0 schema) under
   * `id`; `fingerprint` stands for its content in the cache key.
   */
  addSchema(id: string, schema: () => object, fingerprint: string): void {
    // Added to ajv when first compiled: no source file refers to it, and adding the Swagger 2.0 schema costs.
    this.named.set(id, schema);
    this.extra.set(id, fingerprint);
  }

  /** The ajv id of a file, adding the file (and what it references) to ajv on first use. */
  idOf(file: DataFile): string {
    let id = this.ids.get(file);
    if (id) return id;
    id = `${FILE_ID}${this.ids.size + 1}`;
    this.ids.set(file, id);
    const copy = this.rewrite(file);
    this.extra.set(id, JSON.stringify(copy));
    if (copy !== null && typeof copy === "object" && !Array.isArray(copy)) {
      delete (copy as Record<string, unknown>).id; // the file's own draft-04 id must not replace ours
      if (this.ajvInstance) this.add(id, copy);
      else this.pending.push([id, copy]);
    }
    return id;
  }

  keyOf(at: SchemaAt): string {
    return this.idOf(at.file) + pointerToFragment(at.pointer);
  }

  /**
   * Compile every schema in `keys` (ajv ids with an optional `#/pointer`), from
   * the cache folder when the same inputs were compiled before.
   */
  prepare(keys: string[]): void {
    const wanted = [...new Set(keys)].filter((k) => !this.compiled.has(k));
    if (wanted.length === 0) return;
    const hash = createHash("sha256");
    hash.update(`${COMPILER}\n`);
    for (const [id, json] of this.extra) hash.update(`${id}\n${json}\n`);
    hash.update(JSON.stringify(wanted));
    const file = this.cacheDir && join(this.cacheDir, `validators-${hash.digest("hex").slice(0, 32)}.cjs`);
    const names = new Map(wanted.map((k, i) => [k, `v${i}`]));
    if (file) {
      const loaded = loadModule(file);
      if (loaded) {
        for (const [key, name] of names) {
          const validate = loaded[name] as ValidateFunction | undefined;
          if (validate) this.compiled.set(key, { validate });
        }
        return;
      }
    }
    const exports: Record<string, string> = {};
    for (const [key, name] of names) if (this.compile(key).validate && !this.fromShared.has(key)) exports[name] = key;
    if (file) saveModule(file, () => ajvLibrary().standaloneCode(this.ajv, exports));
  }

  /** The validation function of the schema at `at` (or with the ajv id `key`), compiled once. */
  compile(at: SchemaAt | string): CompiledSchema {
    const key = typeof at === "string" ? at : this.keyOf(at);
    let result = this.compiled.get(key);
    if (!result) {
      const id = key.split("#")[0];
      // A schema that is not a source file (draft-04's meta-schema, Swagger 2.0) compiles
      // the same in every registry: once per process (the preview makes a registry per run).
      const shared = id === DRAFT04_META || this.extra.has(id) && !id.startsWith(FILE_ID) ? sharedKey(key, this.extra.get(id) ?? "") : undefined;
      result = shared === undefined ? undefined : (sharedValidators.get(shared) ?? precompiledValidator(shared));
      if (result) this.fromShared.add(key);
      else {
        const named = this.named.get(id);
        if (named) {
          this.named.delete(id);
          this.add(id, named);
        }
        try {
          const validate = this.ajv.getSchema(key);
          result = validate ? { validate } : { error: "the schema cannot be found" };
        } catch (e) {
          result = { error: (e as Error).message };
        }
        if (shared !== undefined) sharedValidators.set(shared, result);
      }
      this.compiled.set(key, result);
    }
    if (result.error !== undefined) this.compileFailures++;
    return result;
  }

  /**
   * True the first time it is asked about a schema that does not compile, unless
   * the schema uses a file that is not a valid draft-04 schema: that file is
   * reported already (by the schema-files check), and is the cause.
   */
  firstFailure(at: SchemaAt): boolean {
    const key = this.keyOf(at);
    if (this.failuresReported.has(key)) return false;
    this.failuresReported.add(key);
    return !this.usesInvalidFile(at.file);
  }

  private readonly metaResults = new Map<DataFile, ErrorObject[]>();

  /** The draft-04 meta-schema's complaints about a schema file (none when valid). */
  metaErrors(file: DataFile): ErrorObject[] {
    let errors = this.metaResults.get(file);
    if (!errors) {
      const meta = this.compile(DRAFT04_META);
      if (!meta.validate) throw new Error(`the draft-04 meta-schema does not compile: ${meta.error}`);
      errors = meta.validate(file.value) ? [] : [...(meta.validate.errors ?? [])];
      this.metaResults.set(file, errors);
    }
    return errors;
  }

  /** Whether `file`, or a file it references (directly or not), fails the meta-schema. */
  private usesInvalidFile(file: DataFile): boolean {
    const seen = new Set<DataFile>();
    const visit = (f: DataFile): boolean => {
      if (seen.has(f)) return false;
      seen.add(f);
      if (isSchemaFile(f) && this.metaErrors(f).length > 0) return true;
      return this.cache.sitesOf(f).some((site) => {
        const target = this.cache.isBroken(site) ? undefined : this.cache.resolve(site);
        return target !== undefined && visit(target.file);
      });
    };
    return visit(file);
  }

  /** Validate `value` against the schema at `at`. */
  validate(at: SchemaAt, value: unknown): { errors: ErrorObject[] } | { compileError: string } {
    const compiled = this.compile(at);
    if (!compiled.validate) return { compileError: compiled.error };
    return { errors: compiled.validate(value) ? [] : [...(compiled.validate.errors ?? [])] };
  }

  private rewrite(file: DataFile): unknown {
    const sites = new Map(this.cache.sitesOf(file).map((s) => [s.pointer, s]));
    const walk = (value: unknown, pointer: string): unknown => {
      if (Array.isArray(value)) return value.map((v, i) => walk(v, `${pointer}/${i}`));
      if (value === null || typeof value !== "object") return value;
      const site = sites.get(pointer);
      if (site) {
        const target = this.cache.isBroken(site) ? undefined : this.cache.resolve(site);
        return target ? { $ref: this.idOf(target.file) + pointerToFragment(target.pointer) } : {};
      }
      const out: Record<string, unknown> = {};
      // defineProperty: a key such as `__proto__` is a property like any other.
      for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(out, k, { value: walk(v, `${pointer}/${escapeSegment(k)}`), writable: true, enumerable: true, configurable: true });
      }
      return out;
    };
    return walk(file.value, "");
  }
}

/** Evaluate a cached CommonJS module of validators; undefined when absent or unusable. */
function loadModule(file: string): Record<string, unknown> | undefined {
  let code: string;
  try {
    code = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const module = { exports: {} as Record<string, unknown> };
    new Function("require", "module", "exports", code)(require, module, module.exports);
    return module.exports;
  } catch {
    return undefined;
  }
}

/** Write the module atomically, and keep only the most recent few. Failing to write only costs speed. */
function saveModule(file: string, code: () => string): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code());
    renameSync(tmp, file);
    const old = readdirSync(dir)
      .filter((n) => n.startsWith("validators-") && n.endsWith(".cjs"))
      .map((n) => ({ path: join(dir, n), time: statSync(join(dir, n)).mtimeMs }))
      .sort((a, b) => b.time - a.time)
      .slice(12);
    for (const o of old) unlinkSync(o.path);
  } catch {
    // a read-only tree or a race with another run: the next run compiles again
  }
}

/** Files that hold a schema on their own (a Swagger document is not one: the meta-schema does not apply to it). */
function isSchemaFile(file: DataFile): boolean {
  return file.value !== null && typeof file.value === "object" && !("swagger" in file.value);
}
