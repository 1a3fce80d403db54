// Check 5: the CHANGELOG.rst title rules (the parsing and the rules live in
// ../sources/changelog.ts, shared with the build).
import type { Check } from "./context.ts";

export const changelog: Check = (ctx) => ctx.changelog.diagnostics;
