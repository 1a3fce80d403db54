// Where every kind of source lives in a spec tree, found by looking rather than
// assumed. Every command asks this module; no other file names these paths.
//
// The layouts the Matrix specification repository has had:
//   api/<api>/<version>/*.yaml     Swagger documents (client-server/v1, v2_alpha, ...)
//   api/<api>/*.yaml               later trees: client-server, server-server, identity,
//                                  push-gateway, application-service
//   api/**/definitions/**          schemas that Swagger documents `$ref`
//   event-schemas/schema[/v1]/     one schema per event type, named after it
//                                  (`m.room.topic`, variants `m.room.message#m.text`
//                                  or `m.room.message$m.text`), shared schemas in
//                                  subfolders (`core-event-schema/`)
//   event-schemas/examples[/v1]/   one example per event type or variant; shared
//                                  fragments that examples `$ref` in subfolders
//   CHANGELOG.rst, or changelogs/<api>.rst (beside newsfragment folders)
//   specification/targets.yaml and the RST it lists; supporting-docs/, drafts/
//
// A Swagger document is recognised by its content (a top-level `swagger` key),
// so this module only lists candidates; ./sources/swagger.ts decides.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const TARGETS_FILE = "specification/targets.yaml";
/** Paths in targets.yaml are relative to this folder. */
export const SPEC_DIR = "specification";
export const API_DIR = "api";
export const EVENT_SCHEMA_ROOT = "event-schemas/schema";
export const EVENT_EXAMPLE_ROOT = "event-schemas/examples";
export const ROOT_CHANGELOG = "CHANGELOG.rst";
export const CHANGELOG_DIR = "changelogs";
/** Folders whose `.rst` files are checked; files no target includes are checked as standalone documents. */
export const RST_DIRS = ["specification", "supporting-docs", "drafts"] as const;

/** A document built beside the targets when the tree has it. */
export interface SupportingPage {
  path: string;
  /** Output file name. */
  file: string;
  label: string;
}

/** The supporting documents that are built as pages of their own (with the main target). */
export const SUPPORTING_PAGES: readonly SupportingPage[] = [
  { path: "supporting-docs/howtos/client-server.rst", file: "howtos.html", label: "Client-server how-to" },
];

/** A file name may carry a variant after `#` (or `$`, in later trees): `m.room.message#m.text`. */
export const VARIANT_SEPARATOR = /[#$]/;

/** Extensions a data file may carry; a name without one is YAML (which accepts JSON). */
const DATA_EXTENSION = /\.(json|ya?ml)$/i;

export interface SpecLayout {
  root: string;
  /** `*.yaml`/`*.yml` under api/ outside `definitions/` folders: each is a Swagger document if its content says so. */
  apiCandidates: string[];
  /** Folders holding one schema per event type (`event-schemas/schema/v1`, or `event-schemas/schema`). */
  eventSchemaDirs: string[];
  /** Folders holding one example per event type. */
  eventExampleDirs: string[];
  /** Every file that holds a JSON schema on its own: the event schema tree and `api/**\/definitions/**`. */
  schemaFiles: string[];
  /** The changelog files: `CHANGELOG.rst`, or every `changelogs/*.rst`. */
  changelogs: string[];
  /** Every `.rst` under the RST folders. */
  rstFiles: string[];
  /** Supporting pages present in the tree. */
  supportingPages: SupportingPage[];
}

/** A folder with such a name is listed as a file, not entered: reading it then reports that it is not a regular file. */
const SOURCE_NAME = /\.(ya?ml|json|rst)$/i;

/**
 * Files under `dir` (relative to `root`), as sorted root-relative paths. Symbolic links are not followed; dot files are skipped.
 * A folder named like a source file (`x.yaml`) is listed too, so that the loader reports it.
 */
export function listFiles(root: string, dir: string, options: { recursive?: boolean } = {}): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.isSymbolicLink()) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && !SOURCE_NAME.test(entry.name)) {
        if (options.recursive) visit(child);
      } else out.push(child);
    }
  };
  visit(dir);
  return out.sort();
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Version folders (`v1`, `v2_alpha`) directly under `dir`, or `dir` itself when it has none. */
function versionedDirs(root: string, dir: string): string[] {
  if (!isDir(join(root, dir))) return [];
  const versions = readdirSync(join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^v\d/.test(e.name))
    .map((e) => `${dir}/${e.name}`)
    .sort();
  return versions.length ? versions : [dir];
}

/** Files that sit beside event schemas and examples without being one (notes, scripts, leftovers of a merge). */
const NOT_DATA = /\.(md|txt|rst|py|sh|js|ts|html|png|jpe?g|svg|orig|rej|bak|swp)$|~$/i;

/** The files directly in a folder of event schemas or examples (subfolders hold shared parts). */
export function eventFiles(root: string, dir: string): string[] {
  return listFiles(root, dir).filter((p) => !NOT_DATA.test(p));
}

/** `m.room.topic.json` → `m.room.topic`; names without a data extension stay as they are. */
export function eventFileName(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base.replace(DATA_EXTENSION, "");
}

export function discoverLayout(root: string): SpecLayout {
  const apiFiles = listFiles(root, API_DIR, { recursive: true });
  const inDefinitions = (p: string) => p.split("/").slice(0, -1).includes("definitions");
  const apiCandidates = apiFiles.filter((p) => /\.ya?ml$/i.test(p) && !inDefinitions(p));
  const eventSchemaDirs = versionedDirs(root, EVENT_SCHEMA_ROOT);
  const eventExampleDirs = versionedDirs(root, EVENT_EXAMPLE_ROOT);
  const schemaFiles = [
    ...listFiles(root, EVENT_SCHEMA_ROOT, { recursive: true }).filter((p) => !NOT_DATA.test(p)),
    ...apiFiles.filter((p) => inDefinitions(p) && DATA_EXTENSION.test(p)),
  ];
  const changelogs = existsSync(join(root, ROOT_CHANGELOG))
    ? [ROOT_CHANGELOG]
    : listFiles(root, CHANGELOG_DIR).filter((p) => p.endsWith(".rst"));
  const rstFiles = RST_DIRS.flatMap((d) => listFiles(root, d, { recursive: true }).filter((p) => p.endsWith(".rst")));
  const supportingPages = SUPPORTING_PAGES.filter((p) => existsSync(join(root, p.path)));
  return { root, apiCandidates, eventSchemaDirs, eventExampleDirs, schemaFiles, changelogs, rstFiles, supportingPages };
}

/** The changelog whose newest release names the build's version: `CHANGELOG.rst`, else the client-server one, else the first. */
export function mainChangelog(layout: Pick<SpecLayout, "changelogs">): string | undefined {
  const files = layout.changelogs;
  return files.find((f) => f === ROOT_CHANGELOG) ?? files.find((f) => /client[-_]server\.rst$/.test(f)) ?? files[0];
}
