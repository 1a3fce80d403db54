// The one place that defines every template variable: its name, what it holds,
// and how it is rendered. `buildVariables` (./index.ts) renders them all;
// `listVariables` gives their metadata to `matrix-doc vars`.
//
//   [v<N>_]<file>[_<api>]_http_api         the endpoints of one Swagger document (see apiVariable)
//   <event>_event                           one event schema (`.`, `#` and `$` become `_`)
//   room_events, msgtype_events,
//   voip_events, presence_events            groups of events, each event documented once
//   common_event_fields, common_room_event_fields, common_state_event_fields
//                                           the fields of the core event schemas
//   spec_version, spec_changelog            the newest entry of the main changelog
//   <api>_changelog                         the newest entry of changelogs/<api>.rst
//   git_version, git_rev                    the git revision of the tree
import { type Diagnostic, error, warning } from "../diagnostics/diagnostic.ts";
import type { Origin } from "../diagnostics/line-map.ts";
import type { VariableValue } from "../assemble/substitute.ts";
import { newestEntry } from "../sources/changelog.ts";
import type { Sources } from "../sources/index.ts";
import { dereference } from "../sources/refs.ts";
import type { SwaggerFile } from "../sources/swagger.ts";
import { eventFileName, eventFiles } from "../spec-layout.ts";
import { makeId } from "../rst/ids.ts";
import { type EndpointUnit, endpointUnit } from "./units/endpoints.ts";
import { coreFieldsTables, type EventUnit, eventUnit, eventVariable } from "./units/events.ts";
import { escapeText } from "./units/rst-text.ts";
import { type GitVersion, gitRev, gitVersion } from "./git-version.ts";
import { ENDPOINT_ORDER, PRESENCE_EVENTS, sortByPath, sortMsgtypes, VOIP_EVENTS } from "./orderings.ts";
import { renderTemplate } from "./render.ts";
import { endpointTitle, endpointView, eventView, fieldTableViews } from "./views.ts";
import { closureDigests } from "../sources/ref-closure.ts";
import { keptPart } from "./kept-parts.ts";

export type VariableKind = "http_api" | "event" | "events" | "fields" | "version";

export interface VariableInfo {
  name: string;
  kind: VariableKind;
  /** One line saying what the variable holds. */
  description: string;
  /** The source file it is made from, when there is one. */
  source?: string;
  /** For groups of events: the `<event>_event` variables whose events it renders. */
  renders?: string[];
}

export interface VariableDefinition extends VariableInfo {
  render(): VariableValue;
}

export interface RelativeChars {
  subtitle: string;
  sametitle: string;
}

export interface CatalogOptions {
  /** The names used by the sources of the target being built (decides what `room_events` holds). */
  usedNames?: ReadonlySet<string>;
  /** The relative title characters (specification/targets.yaml `relative_title_styles`). */
  relative?: RelativeChars;
}

/** The variables of the core event schemas' fields, by the schema's file name. */
export const CORE_FIELDS: readonly { name: string; base: string }[] = [
  { name: "common_event_fields", base: "event" },
  { name: "common_room_event_fields", base: "room_event" },
  { name: "common_state_event_fields", base: "state_event" },
];

/** `core-event-schema/<base>` (with `.json`, `.yaml` or no extension) in the event schema tree. */
function coreSchemaPath(sources: Sources, base: string): string | undefined {
  return sources.layout.schemaFiles.find((p) => new RegExp(`/core-event-schema/${base}(\\.(json|ya?ml))?$`).test(p));
}

/** Short names of the APIs, as later trees of the specification use them in variable names. */
const API_SHORT_NAMES: Record<string, string> = {
  "client-server": "cs",
  "server-server": "ss",
  identity: "is",
  "push-gateway": "push",
  "application-service": "as",
};

/**
 * The variable of a Swagger document, from its path `api/<api>/[<version>/]<file>.yaml`:
 *
 *     [v<N>_]<file>[_<api>]_http_api
 *
 * `<file>` is the file name without extension, `-` becoming `_`. A version folder
 * `v2_alpha`, `v3`, ... adds the prefix `v<N>_` (`v1` adds nothing). When the
 * tree describes more than one API, the API's short name (`cs`, `ss`, `is`, `push`,
 * `as`, else its folder name) is added after the file name, so that names stay
 * unique: `api/client-server/v1/content-repo.yaml` → `content_repo_http_api` in a
 * tree of one API, `api/client-server/sync.yaml` → `sync_cs_http_api` in a tree of
 * several.
 */
export function apiVariable(path: string, apiCount: number): string | undefined {
  const parts = path.split("/");
  if (parts[0] !== "api" || parts.length < 3) return undefined;
  const m = /^(.+)\.ya?ml$/i.exec(parts[parts.length - 1]);
  if (!m) return undefined;
  const api = parts[1];
  const version = parts.length > 3 ? /^v(\d+)/.exec(parts[2])?.[1] : undefined;
  const prefix = version !== undefined && Number(version) > 1 ? `v${version}_` : "";
  const suffix = apiCount > 1 ? `_${API_SHORT_NAMES[api] ?? api.replace(/-/g, "_")}` : "";
  return `${prefix}${m[1].replace(/-/g, "_")}${suffix}_http_api`;
}

/** The number of API folders under api/ that hold Swagger documents (loaded or not). */
export function apiCount(sources: Pick<Sources, "layout" | "otherApiFiles">): number {
  const documents = sources.layout.apiCandidates.filter((p) => !sources.otherApiFiles.includes(p));
  return new Set(documents.map((p) => p.split("/")[1])).size;
}

function groupName(path: string): string {
  return (path.split("/").pop() ?? "").replace(/\.ya?ml$/, "");
}

/** What the parts of the catalog share while they define variables. */
interface Catalog {
  sources: Sources;
  root: string;
  cache: Sources["cache"];
  /** The relative title character of every generated title. */
  sub: string;
  used: ReadonlySet<string>;
  diagnostics: Diagnostic[];
  definitions: VariableDefinition[];
  /** A render function whose failure becomes a diagnostic at `at` instead of an exception. */
  safely(name: string, at: Origin, render: () => VariableValue): () => VariableValue;
  /** The empty variable of a file that could not be loaded. */
  broken(name: string, file: string): VariableDefinition;
}

export function defineVariables(sources: Sources, options: CatalogOptions = {}): { definitions: VariableDefinition[]; diagnostics: Diagnostic[] } {
  const { root, cache } = sources;
  // Every generated title is a subtitle: relative to the last title written in the
  // prose, so consecutive generated sections are siblings (see ../assemble/titles.ts).
  const sub = (options.relative ?? { subtitle: "<" }).subtitle;
  const used = options.usedNames ?? new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const definitions: VariableDefinition[] = [];
  const safely = (name: string, at: Origin, render: () => VariableValue) => (): VariableValue => {
    try {
      return render();
    } catch (e) {
      diagnostics.push(error("variable-render-failed", `The template variable "${name}" could not be rendered: ${(e as Error).message}`, at));
      return { text: "\n" };
    }
  };
  // A file that could not be loaded (its diagnostics say why) still defines its
  // variable, empty, so that the build reports the file and not an unknown name.
  const broken = (name: string, file: string): VariableDefinition => ({
    name,
    kind: name.endsWith("_event") ? "event" : "http_api",
    description: `Empty: ${file} could not be loaded.`,
    source: file,
    render: () => ({ text: "\n", origins: [{ file, line: 1 }] }),
  });
  const catalog: Catalog = { sources, root, cache, sub, used, diagnostics, definitions, safely, broken };
  apiVariables(catalog);
  eventVariables(catalog);
  coreFieldVariables(catalog);
  versionVariables(catalog);
  return { definitions, diagnostics };
}

/** HTTP APIs: one variable per Swagger file, endpoints sorted by path. */
function apiVariables(c: Catalog): void {
  const { sources, root, cache, sub, used, diagnostics, definitions, safely, broken } = c;
  // --- HTTP APIs: one variable per Swagger file, endpoints sorted by path.
  const groups: { name: string; swagger: SwaggerFile; units: EndpointUnit[] }[] = [];
  const apis = apiCount(sources);
  const httpApiVariable = (path: string) => apiVariable(path, apis);
  for (const swagger of sources.swagger) {
    const name = httpApiVariable(swagger.file.path);
    if (!name) continue;
    const order = ENDPOINT_ORDER[groupName(swagger.file.path)] ?? [];
    // A file's endpoint units depend on the texts it reads (itself and what its `$ref`s reach).
    const units = keptPart(["endpoint units", closureDigests(cache, [swagger.file.path]), swagger.file.path], () => swagger.endpoints.map((e) => endpointUnit(cache, swagger, e)));
    groups.push({ name, swagger, units: sortByPath(units, (u) => u.pathKey.trim(), order) });
  }
  groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const loadedApis = new Set([...sources.swagger.map((s) => s.file.path), ...sources.otherApiFiles]);
  const brokenApis = sources.layout.apiCandidates.filter((p) => !loadedApis.has(p) && httpApiVariable(p));
  const titles = endpointTitles(groups.flatMap((g) => g.units));
  checkCanonicalLinks(groups.flatMap((g) => g.units), titles, diagnostics);
  for (const g of groups) {
    const at = { file: g.swagger.file.path, line: 1 };
    definitions.push({
      name: g.name,
      kind: "http_api",
      description: `The ${g.units.length} endpoints of ${g.swagger.file.path}.`,
      source: g.swagger.file.path,
      render: safely(g.name, at, () => joinValues(g.units.map((u) => renderTemplate("endpoint.njk", { e: endpointView(u, titles.get(u)!, sub, sub) }, u.origin)), at)),
    });
  }

  for (const p of brokenApis) definitions.push(broken(httpApiVariable(p)!, p));
}

/** Events: one variable per schema, then the groups. */
function eventVariables(c: Catalog): void {
  const { sources, root, cache, sub, used, diagnostics, definitions, safely, broken } = c;
  // --- Events: one variable per schema, then the groups.
  const examples = new Map(sources.events.examples.map((e) => [e.name, e]));
  const units = new Map<string, EventUnit>();
  for (const schema of [...sources.events.schemas].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    units.set(schema.name, eventUnit(cache, schema, examples.get(schema.name)));
  }
  const renderEvents = (list: EventUnit[], titleOf: (u: EventUnit) => string, at: Origin): VariableValue =>
    joinValues(list.map((u) => renderTemplate("event.njk", { ev: eventView(u, titleOf(u), sub) }, u.origin)), at);
  const typeTitle = (u: EventUnit) => u.name;
  for (const u of units.values()) {
    definitions.push({
      name: u.variable,
      kind: "event",
      description: `The ${u.name} event.`,
      source: u.origin.file,
      render: safely(u.variable, u.origin, () => renderEvents([u], typeTitle, u.origin)),
    });
  }
  const loadedEvents = new Set(sources.events.schemas.map((e) => e.file.path));
  for (const p of sources.layout.eventSchemaDirs.flatMap((d) => eventFiles(root, d))) {
    if (!loadedEvents.has(p)) definitions.push(broken(eventVariable(eventFileName(p)), p));
  }
  const all = [...units.values()];
  const pick = (names: readonly string[]) => names.map((n) => units.get(n)).filter((u): u is EventUnit => u !== undefined);
  const eventGroups: { name: string; description: string; list: EventUnit[]; titleOf: (u: EventUnit) => string }[] = [
    {
      name: "room_events",
      description: "Every m.room.* event (not a msgtype variant) whose own variable the target does not use.",
      list: all.filter((u) => u.type.startsWith("m.room.") && !u.variant && !used.has(u.variable)),
      titleOf: typeTitle,
    },
    {
      name: "msgtype_events",
      description: "The msgtypes of m.room.message: text, emote, notice, image, file, then the others.",
      list: sortMsgtypes(
        all.filter((u) => u.type === "m.room.message" && u.variant),
        (u) => u.variant!,
      ),
      titleOf: (u) => u.variant!,
    },
    { name: "voip_events", description: "The call events: invite, candidates, answer, hangup.", list: pick(VOIP_EVENTS), titleOf: typeTitle },
    { name: "presence_events", description: "The presence event.", list: pick(PRESENCE_EVENTS), titleOf: typeTitle },
  ];
  for (const g of eventGroups) {
    const at = g.list[0]?.origin ?? { file: sources.layout.eventSchemaDirs[0] ?? "event-schemas", line: 1 };
    definitions.push({
      name: g.name,
      kind: "events",
      description: g.description,
      renders: g.list.map((u) => u.variable),
      render: safely(g.name, at, () => renderEvents(g.list, g.titleOf, at)),
    });
  }
}

/** The fields of the core event schemas. */
function coreFieldVariables(c: Catalog): void {
  const { sources, root, cache, sub, used, diagnostics, definitions, safely, broken } = c;
  // --- The fields of the core event schemas.
  for (const core of CORE_FIELDS) {
    const path = coreSchemaPath(sources, core.base);
    if (!path) continue;
    const at = { file: path, line: 1 };
    definitions.push({
      name: core.name,
      kind: "fields",
      description: `The fields of ${path.split("/").pop()}.`,
      source: path,
      render: safely(core.name, at, () => {
        const file = cache.load(path);
        if (!file) throw new Error(`${path} cannot be loaded`);
        const tables = coreFieldsTables(cache, file, dereference(cache, file));
        if (!tables.length) throw new Error(`${path} has no fields`);
        // The named types of the fields get tables too, linked from the Type cells.
        const views = fieldTableViews(tables, tables[0].title ?? "Fields", "Key", core.name);
        return renderTemplate("fields.njk", { tables: views }, at);
      }),
    });
  }
}

/** Versions, changelogs and the git revision. */
function versionVariables(c: Catalog): void {
  const { sources, root, cache, sub, used, diagnostics, definitions, safely, broken } = c;
  // --- Versions.
  // (the changelog's own problems are reported by the load stage)
  const changelog = sources.changelog;
  const CHANGELOG_FILE = changelog.file;
  const entry = changelog.diagnostics.some((d) => d.severity === "error") ? undefined : newestEntry(changelog);
  const changelogAt = { file: CHANGELOG_FILE, line: entry?.titleLine ?? 1 };
  definitions.push({
    name: "spec_version",
    kind: "version",
    description: `The version of the newest entry of ${CHANGELOG_FILE}.`,
    source: CHANGELOG_FILE,
    render: () => ({ text: (entry ? escapeText(entry.version) : "unknown") + "\n", origins: [changelogAt] }),
  });
  definitions.push({
    name: "spec_changelog",
    kind: "version",
    description: `The changes of the newest entry of ${CHANGELOG_FILE}.`,
    source: CHANGELOG_FILE,
    render: safely("spec_changelog", changelogAt, () => {
      if (!entry) return { text: "unknown\n", origins: [changelogAt] };
      const origins = entry.body.split("\n").map((_, i) => ({ file: CHANGELOG_FILE, line: entry.bodyLine + i }));
      return renderTemplate("changelog.njk", { body: titlesAsRubrics(entry.body), origins }, changelogAt);
    }),
  });
  // --- One changelog per API (changelogs/<api>.rst): <api>_changelog, its newest release.
  for (const log of sources.changelogs) {
    if (!log.file.startsWith("changelogs/")) continue;
    const name = `${log.file.slice("changelogs/".length).replace(/\.rst$/, "").replace(/[^A-Za-z0-9]+/g, "_")}_changelog`;
    const newest = log.diagnostics.some((d) => d.severity === "error") ? undefined : newestEntry(log);
    const at = { file: log.file, line: newest?.titleLine ?? 1 };
    definitions.push({
      name,
      kind: "version",
      description: `The changes of the newest release in ${log.file}.`,
      source: log.file,
      render: safely(name, at, () => {
        if (!newest) return { text: "unknown\n", origins: [at] };
        const origins = newest.body.split("\n").map((_, i) => ({ file: log.file, line: newest.bodyLine + i }));
        return renderTemplate("changelog.njk", { body: titlesAsRubrics(newest.body), origins }, at);
      }),
    });
  }
  // git_rev alone costs one git process; with git_version, none more.
  let version: GitVersion | undefined;
  definitions.push({ name: "git_version", kind: "version", description: "The git branch, description and state of the tree.", render: () => ({ text: escapeText((version ??= gitVersion(root)).version) + "\n" }) });
  definitions.push({ name: "git_rev", kind: "version", description: "The short git commit of the tree.", render: () => ({ text: escapeText(version?.rev ?? gitRev(root)) + "\n" }) });
}

/**
 * The subsection titles of a changelog entry ("Breaking Changes" underlined
 * with `-`) as rubrics, so that the entry can be placed anywhere, even inside a
 * directive. Each title keeps its two lines, so every line keeps its origin.
 */
export function titlesAsRubrics(body: string): string {
  const lines = body.split("\n");
  for (let i = 0; i + 1 < lines.length; i++) {
    const text = lines[i].trim();
    if (text === "" || /^\s/.test(lines[i]) || !/^([!-/:-@[-`{-~])\1{2,}\s*$/.test(lines[i + 1]) || lines[i + 1].trimEnd().length < text.length) continue;
    lines[i] = `.. rubric:: ${text}`;
    lines[i + 1] = "";
    i++;
  }
  return lines.join("\n");
}

/** Joins rendered sections with one blank line between them. */
function joinValues(values: VariableValue[], at: Origin): VariableValue {
  const text: string[] = [];
  const origins: (Origin | undefined)[] = [];
  for (const v of values) {
    if (text.length) {
      text.push("");
      origins.push(origins[origins.length - 1]);
    }
    const lines = v.text.replace(/\n$/, "").split("\n");
    lines.forEach((l, i) => {
      text.push(l);
      origins.push(v.origins?.[i] ?? at);
    });
  }
  if (text.length === 0) return { text: "\n", origins: [at] };
  return { text: text.join("\n") + "\n", origins };
}

/**
 * The title of every endpoint section. Titles become section ids, so two endpoints
 * with the same method and path (the two forms of the invite API) are told apart
 * by a number: the second becomes `POST /… (2)`.
 */
export function endpointTitles(units: readonly EndpointUnit[]): Map<EndpointUnit, string> {
  const counts = new Map<string, number>();
  const titles = new Map<EndpointUnit, string>();
  for (const u of units) {
    const base = endpointTitle(u);
    const n = (counts.get(makeId(base)) ?? 0) + 1;
    counts.set(makeId(base), n);
    titles.set(u, n === 1 ? base : `${base} (${n})`);
  }
  return titles;
}

/** `x-alias.canonical-link` must be the id of the canonical section, so that links to it keep working. */
function checkCanonicalLinks(units: readonly EndpointUnit[], titles: Map<EndpointUnit, string>, diagnostics: Diagnostic[]): void {
  for (const u of units) {
    if (!u.canonicalLink) continue;
    const id = makeId(titles.get(u)!);
    if (u.canonicalLink.value !== id) {
      diagnostics.push(
        warning("alias-canonical-link", `x-alias canonical-link is "${u.canonicalLink.value}", but the section of ${titles.get(u)} gets the id "${id}".`, u.canonicalLink.origin),
      );
    }
  }
}
