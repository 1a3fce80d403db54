// Check: every operation has an `operationId`, unique within its API (the
// Swagger documents of one folder, e.g. api/client-server/v1/). Tools that
// generate clients name their functions after it, and the original
// specification's validator required it.
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { trace } from "../sources/refs.ts";
import type { Check } from "./check.ts";

export const operationIds: Check = (ctx) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, { file: string; line: number; endpoint: string }>();
  for (const swagger of ctx.swagger) {
    const api = swagger.file.path.slice(0, swagger.file.path.lastIndexOf("/"));
    for (const endpoint of swagger.endpoints) {
      const name = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
      const id = endpoint.operation.operationId;
      if (typeof id !== "string" || id.trim() === "") {
        const at = swagger.file.locate(endpoint.pointer, { key: true });
        out.push(error("operation-id-missing", `${name} has no \`operationId\`; every operation needs one, unique within its API.`, { ...at, pointer: endpoint.pointer }));
        continue;
      }
      const where = trace(ctx.cache, swagger.file, `${endpoint.pointer}/operationId`);
      const at = where.file.locate(where.pointer);
      const key = `${api}\u0000${id}`;
      const first = seen.get(key);
      if (first) {
        out.push(error("operation-id-duplicate", `The operationId \`${id}\` of ${name} is already used by ${first.endpoint} (${first.file}:${first.line}); operationIds must be unique within ${api}/.`, { ...at, pointer: `${endpoint.pointer}/operationId` }));
      } else seen.set(key, { file: at.file, line: at.line, endpoint: name });
    }
  }
  return out;
};
