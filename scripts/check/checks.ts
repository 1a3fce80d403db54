// Every check `matrix-doc check` runs, in order. A check is a function
// `(ctx) => Diagnostic[]` over the loaded spec tree (./context.ts).
//
// Extension point: the RST checks (parse every `.rst` under `specification/`,
// `supporting-docs/` and `drafts/` with ../rst/ and report its errors) are to be
// added to this list as one more function; nothing else needs to change.
import { apiExamples } from "./api-examples.ts";
import { changelog } from "./changelog.ts";
import type { Check } from "./context.ts";
import { eventExamples } from "./event-examples.ts";
import { patterns } from "./patterns.ts";
import { rstFiles } from "./rst-files.ts";
import { schemaFiles } from "./schema-files.ts";
import { swaggerDocuments } from "./swagger.ts";

export const checks: Check[] = [swaggerDocuments, apiExamples, eventExamples, schemaFiles, patterns, changelog, rstFiles];
