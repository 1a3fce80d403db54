// The API-level comparison of two builds: operations, their parameters,
// request-body and response fields, event types and their content fields,
// each added, removed, retyped, or made required or optional, and each marked
// breaking or not by the rule of breaking.ts.
import { type ChangeArea, type ChangeKind, isBreaking } from "./breaking.ts";
import { schemaFields, typeName, type SchemaField } from "./schema-fields.ts";

export interface ApiChange {
  area: ChangeArea;
  /** `POST /_matrix/client/api/v1/createRoom`, or an event type such as `m.receipt`. */
  subject: string;
  /** The field, parameter (`query limit`) or response (`200`) concerned; absent for a whole operation or event type. */
  item?: string;
  kind: ChangeKind;
  /** The old and the new type, for a retyped item. */
  from?: string;
  to?: string;
  /** For an added item: whether it is required. */
  required?: boolean;
  breaking: boolean;
}

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => v !== null && typeof v === "object" && !Array.isArray(v);
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch"];

interface Operation {
  label: string;
  operation: Doc;
  pathParameters: unknown[];
}

/** Operations by `METHOD path`, path parameters' names left out so that renaming one is not a new operation. */
function operations(docs: readonly Doc[]): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const doc of docs) {
    const base = typeof doc.basePath === "string" && doc.basePath !== "/" ? doc.basePath.replace(/\/$/, "") : "";
    for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        const full = base + path;
        const key = `${method.toUpperCase()} ${full.replace(/\{[^}]*\}/g, "{}")}`;
        out.set(key, { label: `${method.toUpperCase()} ${full}`, operation, pathParameters: Array.isArray(item.parameters) ? item.parameters : [] });
      }
    }
  }
  return out;
}

function parameters(op: Operation): { params: Map<string, { type: string; required: boolean }>; body?: unknown } {
  const params = new Map<string, { type: string; required: boolean }>();
  let body: unknown;
  const list = [...op.pathParameters, ...(Array.isArray(op.operation.parameters) ? op.operation.parameters : [])];
  for (const p of list) {
    if (!isObject(p) || typeof p.name !== "string") continue;
    if (p.in === "body") {
      body = p.schema;
      continue;
    }
    // Path parameters are matched by position, since their names are not part of the operation's key.
    const name = p.in === "path" ? `path parameter ${[...params.keys()].filter((k) => k.startsWith("path parameter")).length + 1}` : `${String(p.in)} parameter ${p.name}`;
    params.set(name, { type: typeName(p.schema ?? p), required: p.required === true || p.in === "path" });
  }
  return { params, body };
}

function compareFields(
  area: ChangeArea,
  subject: string,
  before: Map<string, SchemaField>,
  after: Map<string, SchemaField>,
  itemOf: (path: string) => string,
  out: ApiChange[],
): void {
  const change = (kind: ChangeKind, path: string, extra: Partial<ApiChange> = {}) =>
    out.push({ area, subject, item: itemOf(path), kind, ...extra, breaking: isBreaking(area, kind, { required: extra.required }) });
  // A field under a removed or added parent is reported with its parent only.
  const under = (path: string, set: Set<string>) => [...set].some((p) => path.startsWith(p + ".") || path.startsWith(p + "["));
  const removed = new Set([...before.keys()].filter((k) => !after.has(k)));
  const added = new Set([...after.keys()].filter((k) => !before.has(k)));
  for (const [path, old] of before) {
    const now = after.get(path);
    if (!now) {
      if (!under(path, removed)) change("removed", path, { from: old.type });
      continue;
    }
    if (old.type !== now.type) change("retyped", path, { from: old.type, to: now.type });
    if (old.required !== now.required) change(now.required ? "made-required" : "made-optional", path);
  }
  for (const [path, now] of after) {
    if (added.has(path) && !under(path, added)) change("added", path, { to: now.type, required: now.required });
  }
}

/** Compares the operations of two sets of Swagger documents (the merged documents of each API group). */
export function compareOperations(before: readonly Doc[], after: readonly Doc[]): ApiChange[] {
  const out: ApiChange[] = [];
  const a = operations(before);
  const b = operations(after);
  for (const [key, op] of a) {
    if (!b.has(key)) out.push({ area: "operation", subject: op.label, kind: "removed", breaking: isBreaking("operation", "removed") });
  }
  for (const [key, op] of b) {
    const old = a.get(key);
    if (!old) {
      out.push({ area: "operation", subject: op.label, kind: "added", breaking: isBreaking("operation", "added") });
      continue;
    }
    const subject = op.label;
    const pa = parameters(old);
    const pb = parameters(op);
    compareFields("parameter", subject, pa.params, pb.params, (p) => p, out);
    compareFields("request", subject, pa.body ? schemaFields(pa.body) : new Map(), pb.body ? schemaFields(pb.body) : new Map(), (p) => `request body ${p}`, out);
    const ra = isObject(old.operation.responses) ? old.operation.responses : {};
    const rb = isObject(op.operation.responses) ? op.operation.responses : {};
    for (const status of Object.keys(ra)) {
      if (!(status in rb)) out.push({ area: "response-status", subject, item: `response ${status}`, kind: "removed", breaking: isBreaking("response-status", "removed", { status }) });
    }
    for (const [status, response] of Object.entries(rb)) {
      if (!(status in ra)) {
        out.push({ area: "response-status", subject, item: `response ${status}`, kind: "added", breaking: isBreaking("response-status", "added", { status }) });
        continue;
      }
      const schemaOf = (r: unknown) => (isObject(r) && r.schema !== undefined ? schemaFields(r.schema) : new Map<string, SchemaField>());
      compareFields("response", subject, schemaOf(ra[status]), schemaOf(response), (p) => `response ${status} ${p}`, out);
    }
  }
  return out;
}

/** Compares two sets of event schemas (by file name: `m.room.message#m.text`), and the fields of their content. */
export function compareEvents(before: Record<string, unknown>, after: Record<string, unknown>): ApiChange[] {
  const out: ApiChange[] = [];
  for (const name of Object.keys(before)) {
    if (!(name in after)) out.push({ area: "event", subject: name, kind: "removed", breaking: isBreaking("event", "removed") });
  }
  const content = (schema: unknown) => {
    const fields = new Map<string, SchemaField>();
    for (const [path, f] of schemaFields(schema)) if (path.startsWith("content.")) fields.set(path.slice("content.".length), f);
    return fields;
  };
  for (const [name, schema] of Object.entries(after)) {
    if (!(name in before)) {
      out.push({ area: "event", subject: name, kind: "added", breaking: isBreaking("event", "added") });
      continue;
    }
    compareFields("event-field", name, content(before[name]), content(schema), (p) => `content ${p}`, out);
  }
  return out;
}
