// Which alternative of a failed `oneOf`/`anyOf` of the Swagger 2.0 schema a
// document meant. ajv reports every alternative's failures (a body parameter
// without `name` also fails the header, query, path and formData parameter
// schemas, each on `in`). Here the value at the combinator is validated again
// against each alternative on its own; the one meant is the one whose
// discriminating properties (an `enum` on a direct property, such as `in`) all
// match, with the fewest errors; only its errors are reported. Runs only for
// documents that failed, with a separate ajv instance in verbose mode.
import type { ErrorObject } from "ajv-draft-04";
import { getByPointer } from "../sources/pointer.ts";
import { newDraft04 } from "./schema-registry.ts";

type Validate = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

export class AlternativeChooser {
  private readonly ajv = newDraft04({ verbose: true });
  private readonly compiled = new Map<string, Validate>();

  constructor(
    private readonly rootId: string,
    rootSchema: object,
  ) {
    this.ajv.addSchema(rootSchema, rootId);
  }

  /** The errors of `document` against the root schema, each failed combinator replaced by the errors of the alternative meant. */
  errors(document: unknown): ErrorObject[] {
    const validate = this.validator({ $ref: this.rootId });
    validate(document);
    return this.refine(validate.errors ?? [], document, "", 0);
  }

  private refine(errors: readonly ErrorObject[], document: unknown, base: string, depth: number): ErrorObject[] {
    const combinators = errors.filter((e) => (e.keyword === "oneOf" || e.keyword === "anyOf") && e.params.passingSchemas == null && Array.isArray(e.schema));
    if (combinators.length === 0 || depth > 8) return [...errors];
    // The outermost combinators; errors beneath them are replaced by the chosen alternative's.
    const outer = combinators.filter((c) => !combinators.some((o) => o !== c && o.instancePath !== c.instancePath && c.instancePath.startsWith(o.instancePath + "/")));
    let out = [...errors];
    for (const c of outer) {
      const at = c.instancePath;
      const value = getByPointer(document, at.slice(base.length));
      const tried = (c.schema as object[]).map((alternative) => {
        const v = this.validator(this.absolute(alternative));
        v(value);
        return (v.errors ?? []).map((e) => ({ ...e, instancePath: at + e.instancePath }));
      });
      const candidates = tried.filter((list) => !list.some((e) => (e.keyword === "enum" || e.keyword === "const") && isDirectChild(at, e.instancePath)));
      if (candidates.length === 0 || candidates.length === tried.length) continue;
      const best = candidates.reduce((a, b) => (b.length < a.length ? b : a));
      out = out.filter((e) => e.instancePath !== at && !e.instancePath.startsWith(at + "/"));
      out.push(...this.refine(best, document, base, depth + 1));
    }
    return out;
  }

  /** An alternative with its `#/...` references made absolute, so that it compiles on its own. */
  private absolute(schema: unknown): object {
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (v === null || typeof v !== "object") return v;
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[k] = k === "$ref" && typeof child === "string" && child.startsWith("#") ? this.rootId + child : walk(child);
      return out;
    };
    return walk(schema) as object;
  }

  private validator(schema: object): Validate {
    const key = JSON.stringify(schema);
    let v = this.compiled.get(key);
    if (!v) this.compiled.set(key, (v = this.ajv.compile(schema) as Validate));
    return v;
  }
}

function isDirectChild(parent: string, path: string): boolean {
  return path.startsWith(parent + "/") && !path.slice(parent.length + 1).includes("/");
}
