// The one ajv (draft-04) instance that validates examples. Each loaded file is
// added to it once, under an opaque id (`urn:matrix-doc:f<n>`), with every `$ref`
// rewritten to the absolute id of what the SourceCache resolved it to. So ajv
// never resolves a path, never fetches anything, and a schema referenced from
// many places is compiled once. A `$ref` the cache refused or found broken
// (missing, outside the root, a URL, closing a cycle) becomes `{}`: it was
// reported already, and the rest of the schema is still checked.
import draft04 from "ajv-draft-04";
import type { ErrorObject, ValidateFunction } from "ajv-draft-04";
import type { DataFile } from "../sources/data-file.ts";
import { pointerToFragment } from "../sources/pointer.ts";
import type { SourceCache } from "../sources/source-cache.ts";

export interface SchemaAt {
  file: DataFile;
  pointer: string;
}

export type CompiledSchema = { validate: ValidateFunction; error?: undefined } | { validate?: undefined; error: string };

// ajv-draft-04 is CommonJS; its class is the `default` export of the module object.
const Draft04 = draft04.default;
export type Draft04Ajv = InstanceType<typeof Draft04>;

export function newDraft04(): Draft04Ajv {
  return new Draft04({ allErrors: true, strict: false, validateFormats: false, validateSchema: false, logger: false, ...JSON.parse(process.env.AJVOPTS ?? "{}") });
}

export class SchemaRegistry {
  readonly ajv = newDraft04();
  private readonly ids = new Map<DataFile, string>();
  private readonly compiled = new Map<string, CompiledSchema>();

  constructor(private readonly cache: SourceCache) {}

  /** The ajv id of a file, adding the file (and what it references) to ajv on first use. */
  idOf(file: DataFile): string {
    let id = this.ids.get(file);
    if (id) return id;
    id = `urn:matrix-doc:f${this.ids.size + 1}`;
    this.ids.set(file, id);
    const copy = this.rewrite(file);
    if (copy !== null && typeof copy === "object" && !Array.isArray(copy)) {
      delete (copy as Record<string, unknown>).id; // the file's own draft-04 id must not replace ours
      try {
        this.ajv.addSchema(copy as object, id);
      } catch {
        // e.g. two nested `id`s that clash: compiling anything from this file then fails, and is reported there.
      }
    }
    return id;
  }

  /** The validation function of the schema at `at`, compiled once. */
  compile(at: SchemaAt): CompiledSchema {
    const key = this.idOf(at.file) + pointerToFragment(at.pointer);
    let result = this.compiled.get(key);
    if (!result) {
      try {
        const validate = this.ajv.getSchema(key);
        result = validate ? { validate } : { error: "the schema cannot be found" };
      } catch (e) {
        result = { error: (e as Error).message };
      }
      this.compiled.set(key, result);
    }
    return result;
  }

  private readonly failuresReported = new Set<string>();

  /** True the first time it is asked about a schema that does not compile: report it once. */
  firstFailure(at: SchemaAt): boolean {
    const key = this.idOf(at.file) + pointerToFragment(at.pointer);
    if (this.failuresReported.has(key)) return false;
    this.failuresReported.add(key);
    return true;
  }

  /** Validate `value` against the schema at `at`; undefined errors means valid. */
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
      for (const [k, v] of Object.entries(value)) {
        out[k] = walk(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      }
      return out;
    };
    return walk(file.value, "");
  }
}
