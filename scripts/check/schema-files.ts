// Check 4: every file that holds a JSON schema is itself a valid draft-04 schema.
// (Schemas written inside Swagger files are checked as part of the Swagger 2.0
// document, whose schema object is draft-04's with Swagger's additions.)
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Check } from "./check.ts";
import { describeError, usefulErrors } from "./schema-messages.ts";
import { keptUnit } from "./kept-units.ts";

export const schemaFiles: Check = (ctx) => {
  const out: Diagnostic[] = [];
  for (const file of ctx.schemaFiles) {
    const problems = () =>
      usefulErrors(ctx.schemas.metaErrors(file)).map((e) => {
        const f = describeError(e, file.value, "schema");
        return error("schema-invalid", `Not a valid draft-04 schema: ${f.message.replace(/^The /, "the ")}`, {
          ...file.locate(f.pointer, { key: f.atKey }),
          pointer: f.pointer,
          keyword: f.keyword,
        });
      });
    out.push(...keptUnit(ctx, "schema file", [file.path], problems));
  }
  return out;
};
