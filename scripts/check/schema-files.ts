// Check 4: every file that holds a JSON schema is itself a valid draft-04 schema.
// (Schemas written inside Swagger files are checked as part of the Swagger 2.0
// document, whose schema object is draft-04's with Swagger's additions.)
import { error, type Diagnostic } from "../diagnostics.ts";
import type { Check } from "./context.ts";
import { DRAFT04_META } from "./schema-registry.ts";
import { describeError, usefulErrors } from "./schema-messages.ts";

export const schemaFiles: Check = (ctx) => {
  const out: Diagnostic[] = [];
  const compiled = ctx.schemas.compile(DRAFT04_META);
  if (!compiled.validate) throw new Error(`the draft-04 meta-schema does not compile: ${compiled.error}`);
  const meta = compiled.validate;
  for (const file of ctx.schemaFiles) {
    if (meta(file.value)) continue;
    for (const e of usefulErrors(meta.errors ?? [])) {
      const f = describeError(e, file.value, "schema");
      out.push(
        error("schema-invalid", `Not a valid draft-04 schema: ${f.message.replace(/^The /, "the ")}`, {
          ...file.locate(f.pointer, { key: f.atKey }),
          pointer: f.pointer,
          keyword: f.keyword,
        }),
      );
    }
  }
  return out;
};
