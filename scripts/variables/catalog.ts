// The one place that defines every template variable: its name, what it holds,
// and how it is rendered. `buildVariables` (./index.ts) renders them all;
// `listVariables` gives their metadata to `matrix-doc vars`.
//
//   <group>_http_api, v2_<group>_http_api   the endpoints of api/client-server/{v1,v2_alpha}/<group>.yaml
//   <event>_event                           one event schema (dots and `#` become `_`)
//   room_events, msgtype_events,
//   voip_events, presence_events            groups of events, each event documented once
//   common_event_fields, common_room_event_fields, common_state_event_fields
//                                           the fields of the core event schemas
//   spec_version, spec_changelog            the newest CHANGELOG.rst entry
//   git_version, git_rev                    the git revision of the tree
import { type Diagnostic, error, warning } from "../diagnostics/diagnostic.ts";
import type { Origin } from "../diagnostics/line-map.ts";
import type { VariableValue } from "../assemble/substitute.ts";
import { CHANGELOG_FILE, loadChangelog, newestEntry } from "../sources/changelog.ts";
import { EVENT_SCHEMA_DIR, type EventSchemaSet, loadEventSchemas } from "../sources/event-schemas.ts";
import { dereference } from "../sources/refs.ts";
import type { SourceCache } from "../sources/source-cache.ts";
import { listFiles } from "../sources/list-files.ts";
import { listSwaggerFiles, loadSwaggerFiles, type SwaggerFile } from "../sources/swagger.ts";
import { makeId } from "../rst/ids.ts";
import { type EndpointUnit, endpointUnit } from "./units/endpoints.ts";
import { coreFieldsTable, type EventUnit, eventUnit, eventVariable } from "./units/events.ts";
import { escapeText } from "./units/rst-text.ts";
import { gitVersion } from "./git-version.ts";
import { ENDPOINT_ORDER, PRESENCE_EVENTS, sortByPath, sortMsgtypes, VOIP_EVENTS } from "./orderings.ts";
import { renderTemplate } from "./render.ts";
import { endpointTitle, endpointView, eventView, tableView } from "./views.ts";

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

export const CORE_FIELDS: readonly { name: string; file: string }[] = [
  { name: "common_event_fields", file: `${EVENT_SCHEMA_DIR}/core-event-schema/event.json` },
  { name: "common_room_event_fields", file: `${EVENT_SCHEMA_DIR}/core-event-schema/room_event.json` },
  { name: "common_state_event_fields", file: `${EVENT_SCHEMA_DIR}/core-event-schema/state_event.json` },
];

const API_DIRS: readonly { dir: string; prefix: string }[] = [
  { dir: "api/client-server/v1/", prefix: "" },
  { dir: "api/client-server/v2_alpha/", prefix: "v2_" },
];

/** `api/client-server/v1/content-repo.yaml` → `content_repo_http_api`; undefined for other files. */
export function httpApiVariable(path: string): string | undefined {
  for (const { dir, prefix } of API_DIRS) {
    if (!path.startsWith(dir)) continue;
    const rest = path.slice(dir.length);
    const m = /^([^/]+)\.ya?ml$/.exec(rest);
    if (m) return `${prefix}${m[1].replace(/-/g, "_")}_http_api`;
  }
  return undefined;
}

function groupName(path: string): string {
  return (path.split("/").pop() ?? "").replace(/\.ya?ml$/, "");
}

/** Everything the catalog is made from, loaded once. */
export interface LoadedSources {
  root: string;
  cache: SourceCache;
  swaggers: SwaggerFile[];
  events: EventSchemaSet;
}

export function loadSources(root: string, cache: SourceCache): LoadedSources {
  return { root, cache, swaggers: loadSwaggerFiles(cache), events: loadEventSchemas(cache) };
}

export function defineVariables(sources: LoadedSources, options: CatalogOptions = {}): { definitions: VariableDefinition[]; diagnostics: Diagnostic[] } {
  const { root, cache } = sources;
  const rel = options.relative ?? { subtitle: "<", sametitle: "/" };
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

  // --- HTTP APIs: one variable per Swagger file, endpoints sorted by path.
  const groups: { name: string; swagger: SwaggerFile; units: EndpointUnit[] }[] = [];
  for (const swagger of sources.swaggers) {
    const name = httpApiVariable(swagger.file.path);
    if (!name) continue;
    const order = ENDPOINT_ORDER[groupName(swagger.file.path)] ?? [];
    const units = swagger.endpoints.map((e) => endpointUnit(cache, swagger, e));
    groups.push({ name, swagger, units: sortByPath(units, (u) => u.pathKey.trim(), order) });
  }
  groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // A file that could not be loaded (its diagnostics say why) still defines its
  // variable, empty, so that the build reports the file and not an unknown name.
  const broken = (name: string, file: string): VariableDefinition => ({
    name,
    kind: name.endsWith("_event") ? "event" : "http_api",
    description: `Empty: ${file} could not be loaded.`,
    source: file,
    render: () => ({ text: "\n", origins: [{ file, line: 1 }] }),
  });
  const loadedApis = new Set(sources.swaggers.map((s) => s.file.path));
  const brokenApis = listSwaggerFiles(root).filter((p) => !loadedApis.has(p) && httpApiVariable(p));
  const titles = endpointTitles(groups.flatMap((g) => g.units));
  checkCanonicalLinks(groups.flatMap((g) => g.units), titles, diagnostics);
  for (const g of groups) {
    const at = { file: g.swagger.file.path, line: 1 };
    definitions.push({
      name: g.name,
      kind: "http_api",
      description: `The ${g.units.length} endpoints of ${g.swagger.file.path}.`,
      source: g.swagger.file.path,
      render: safely(g.name, at, () => joinValues(g.units.map((u, i) => renderTemplate("endpoint.njk", { e: endpointView(u, titles.get(u)!, i === 0 ? rel.subtitle : rel.sametitle, rel.sametitle) }, u.origin)), at)),
    });
  }

  for (const p of brokenApis) definitions.push(broken(httpApiVariable(p)!, p));

  // --- Events: one variable per schema, then the groups.
  const examples = new Map(sources.events.examples.map((e) => [e.name, e]));
  const units = new Map<string, EventUnit>();
  for (const schema of [...sources.events.schemas].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    units.set(schema.name, eventUnit(cache, schema, examples.get(schema.name)));
  }
  const renderEvents = (list: EventUnit[], titleOf: (u: EventUnit) => string, at: Origin): VariableValue =>
    joinValues(list.map((u, i) => renderTemplate("event.njk", { ev: eventView(u, titleOf(u), i === 0 ? rel.subtitle : rel.sametitle) }, u.origin)), at);
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
  for (const p of listFiles(root, EVENT_SCHEMA_DIR)) {
    if (!loadedEvents.has(p)) definitions.push(broken(eventVariable(p.slice(EVENT_SCHEMA_DIR.length + 1)), p));
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
    const at = g.list[0]?.origin ?? { file: EVENT_SCHEMA_DIR, line: 1 };
    definitions.push({
      name: g.name,
      kind: "events",
      description: g.description,
      renders: g.list.map((u) => u.variable),
      render: safely(g.name, at, () => renderEvents(g.list, g.titleOf, at)),
    });
  }

  // --- The fields of the core event schemas.
  for (const core of CORE_FIELDS) {
    const at = { file: core.file, line: 1 };
    definitions.push({
      name: core.name,
      kind: "fields",
      description: `The fields of ${core.file.split("/").pop()}.`,
      source: core.file,
      render: safely(core.name, at, () => {
        const file = cache.load(core.file);
        if (!file) throw new Error(`${core.file} cannot be loaded`);
        const table = coreFieldsTable(cache, file, dereference(cache, file));
        if (!table) throw new Error(`${core.file} has no fields`);
        const view = tableView(table.title ?? "Fields", "Key", table.fields, table.origin);
        return renderTemplate("fields.njk", { table: view }, at);
      }),
    });
  }

  // --- Versions.
  const changelog = loadChangelog(root);
  diagnostics.push(...changelog.diagnostics);
  const entry = changelog.diagnostics.some((d) => d.severity === "error") ? undefined : newestEntry(changelog);
  const changelogAt = { file: CHANGELOG_FILE, line: entry?.titleLine ?? 1 };
  definitions.push({
    name: "spec_version",
    kind: "version",
    description: "The version of the newest CHANGELOG.rst entry.",
    source: CHANGELOG_FILE,
    render: () => ({ text: (entry ? escapeText(entry.version) : "unknown") + "\n", origins: [changelogAt] }),
  });
  definitions.push({
    name: "spec_changelog",
    kind: "version",
    description: "The changes of the newest CHANGELOG.rst entry.",
    source: CHANGELOG_FILE,
    render: safely("spec_changelog", changelogAt, () => {
      if (!entry) return { text: "unknown\n", origins: [changelogAt] };
      const origins = entry.body.split("\n").map((_, i) => ({ file: CHANGELOG_FILE, line: entry.bodyLine + i }));
      return renderTemplate("changelog.njk", { body: entry.body, origins }, changelogAt);
    }),
  });
  let git: ReturnType<typeof gitVersion> | undefined;
  const gitOnce = () => (git ??= gitVersion(root));
  definitions.push({ name: "git_version", kind: "version", description: "The git branch, description and state of the tree.", render: () => ({ text: escapeText(gitOnce().version) + "\n" }) });
  definitions.push({ name: "git_rev", kind: "version", description: "The short git commit of the tree.", render: () => ({ text: escapeText(gitOnce().rev) + "\n" }) });

  return { definitions, diagnostics };
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
