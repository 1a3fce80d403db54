// The links every page carries to the merged API descriptions of its version.
import type { SwaggerFile } from "../sources/swagger.ts";
import { groupOf } from "./merge-group.ts";

export const API_DIR = "api";

/** The API groups of the tree, sorted. */
export function apiGroups(swagger: readonly SwaggerFile[]): string[] {
  return [...new Set(swagger.map((s) => groupOf(s.file.path)))].sort();
}

/** Links from a page to the merged documents, for its navigation. */
export function apiLinks(groups: readonly string[]): { href: string; label: string }[] {
  return groups.map((g) => ({ href: `${API_DIR}/${g}.json`, label: `${g} API (JSON)` }));
}
