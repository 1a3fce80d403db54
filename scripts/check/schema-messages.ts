// One plain sentence for each JSON Schema (draft-04) validation failure, e.g.
// "`membership` must be one of invite, join, leave, ban, knock; the example has "joined"."
import type { ErrorObject } from "ajv-draft-04";
import { getByPointer, isWithin, joinPointer, splitPointer } from "../sources/pointer.ts";

/** What the failure is about, for positioning: the value, or the name of an offending property. */
export interface Failure {
  keyword: string;
  /** Pointer to the value concerned inside the checked document. */
  pointer: string;
  /** Whether the position should be that of the property name at `pointer`. */
  atKey: boolean;
  message: string;
}

/**
 * The errors worth reporting. ajv (with allErrors) also reports every failing
 * branch of an `anyOf`/`oneOf`; so: a failed combinator is left out when errors
 * beneath it say more, and of those only the deepest are kept (they come from
 * the alternative that matched the value furthest), `enum` failures at the same place are merged into one
 * list of allowed values, and a `type` failure is dropped where an `enum` one
 * at the same place says more.
 */
export function usefulErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  let list = errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const isCombinator = (e: ErrorObject) => (e.keyword === "anyOf" || e.keyword === "oneOf") && e.params.passingSchemas == null;
  const depth = (e: ErrorObject) => (e.instancePath === "" ? 0 : e.instancePath.split("/").length);
  const dropped = new Set<ErrorObject>();
  for (const c of list.filter(isCombinator)) {
    const under = list.filter((o) => !isCombinator(o) && isWithin(o.instancePath, c.instancePath));
    if (under.length === 0) continue;
    // Errors beneath say more than "matches none of the alternatives"; and the
    // alternative that got furthest into the value is the one the author meant.
    dropped.add(c);
    const deepest = Math.max(...under.map(depth));
    for (const o of under) if (depth(o) < deepest) dropped.add(o);
  }
  list = list.filter((e) => !dropped.has(e));
  const enums = new Map<string, ErrorObject>();
  const out: ErrorObject[] = [];
  for (const e of list) {
    if (e.keyword !== "enum") continue;
    const first = enums.get(e.instancePath);
    if (!first) {
      const merged = { ...e, params: { allowedValues: [...e.params.allowedValues] } };
      enums.set(e.instancePath, merged);
    } else {
      for (const v of e.params.allowedValues) if (!first.params.allowedValues.includes(v)) first.params.allowedValues.push(v);
    }
  }
  for (const e of list) {
    if (e.keyword === "enum") {
      const merged = enums.get(e.instancePath);
      if (merged && !out.includes(merged)) out.push(merged);
    } else if (!(e.keyword === "type" && enums.has(e.instancePath))) out.push(e);
  }
  return out;
}

/** `membership`, `chunk[0]`, `responses.200`, or the document noun ("The example") for the root. */
function subject(pointer: string, noun: string, document: unknown): string {
  const segs = splitPointer(pointer);
  if (segs.length === 0) return `The ${noun}`;
  const last = segs[segs.length - 1];
  if (/^\d+$/.test(last)) {
    const parent = segs.length > 1 ? segs[segs.length - 2] : noun;
    const inArray = Array.isArray(getByPointer(document, pointer.slice(0, pointer.lastIndexOf("/"))));
    return inArray ? `\`${parent}[${last}]\`` : `\`${parent}.${last}\``;
  }
  return `\`${last}\``;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const s = JSON.stringify(value);
  return s.length > 60 ? s.slice(0, 57) + "…" : s;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  return `a ${typeof value}`;
}

const withArticle = (t: string) => (t === "null" ? "null" : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function orList(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** Turn one ajv error into a located, plain-sentence failure. `noun` names the checked document ("example", "schema"). */
export function describeError(e: ErrorObject, document: unknown, noun = "example"): Failure {
  const pointer = e.instancePath;
  const value = getByPointer(document, pointer);
  const who = subject(pointer, noun, document);
  const has = `the ${noun} has ${show(value)}`;
  const p = e.params as Record<string, any>;
  const base = { keyword: e.keyword, pointer, atKey: false };
  switch (e.keyword) {
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
      return { ...base, message: `${who} must be one of ${allowed.join(", ")}; ${has}.` };
    }
    case "type": {
      const types = String(p.type).split(",").map(withArticle);
      return { ...base, message: `${who} must be ${orList(types)}; the ${noun} has ${typeName(value)}${typeof value === "object" ? "" : ` (${show(value)})`}.` };
    }
    case "required": {
      const where = pointer === "" ? `The ${noun}` : who;
      return { ...base, message: `${where} lacks the required property \`${p.missingProperty}\`.` };
    }
    case "additionalProperties":
      return {
        ...base,
        pointer: joinPointer(pointer, String(p.additionalProperty)),
        atKey: true,
        message: `${pointer === "" ? `The ${noun}` : who} has the property \`${p.additionalProperty}\`, which its schema does not allow.`,
      };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { ...base, message: `${who} must be ${p.comparison} ${p.limit}; ${has}.` };
    case "minLength":
    case "maxLength":
      return { ...base, message: `${who} must have ${e.keyword === "minLength" ? "at least" : "at most"} ${p.limit} characters; ${has}.` };
    case "minItems":
    case "maxItems":
      return { ...base, message: `${who} must have ${e.keyword === "minItems" ? "at least" : "at most"} ${p.limit} items; the ${noun} has ${Array.isArray(value) ? value.length : 0}.` };
    case "minProperties":
    case "maxProperties":
      return { ...base, message: `${who} must have ${e.keyword === "minProperties" ? "at least" : "at most"} ${p.limit} properties.` };
    case "pattern":
      return { ...base, message: `${who} must match the pattern \`${p.pattern}\`; ${has}.` };
    case "uniqueItems":
      return { ...base, message: `${who} must not repeat items, but items ${p.j} and ${p.i} are equal.` };
    case "multipleOf":
      return { ...base, message: `${who} must be a multiple of ${p.multipleOf}; ${has}.` };
    case "dependencies":
      return { ...base, message: `${who} has \`${p.property}\`, so it must also have \`${p.missingProperty}\`.` };
    case "not":
      return { ...base, message: `${who} matches the schema under \`not\`, which it must not.` };
    case "anyOf":
      return { ...base, message: `${who} matches none of the alternatives under \`anyOf\`; ${has}.` };
    case "oneOf":
      return {
        ...base,
        message:
          p.passingSchemas == null
            ? `${who} matches none of the alternatives under \`oneOf\`; ${has}.`
            : `${who} matches more than one alternative under \`oneOf\` (${(p.passingSchemas as number[]).join(" and ")}), but must match exactly one.`,
      };
    case "additionalItems":
      return { ...base, message: `${who} must have at most ${p.limit} items.` };
    default:
      return { ...base, message: `${who} ${e.message ?? "is not valid"} (\`${e.keyword}\`); ${has}.` };
  }
}
