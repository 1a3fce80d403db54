// specification/targets.yaml: which RST files make up each build target, in what
// order and at what title depth; the title styles; the relative title styles that
// generated sections use.
//
// Every path the file names must lie inside the root of the spec tree, symbolic
// links included: a path that leaves it is an error at its line here, and a link
// that leads out of it is refused when the file is read (./safe-read.ts).
import { realpathSync } from "node:fs";
import { isAbsolute, join, posix } from "node:path";
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import { type DataFile, type ParseMemo, parseDataFile } from "./data-file.ts";
import { readSourceFile } from "./safe-read.ts";

import { SPEC_DIR, TARGETS_FILE } from "../spec-layout.ts";

export { SPEC_DIR, TARGETS_FILE };

export interface RelativeTitleStyles {
  subtitle: string;
  sametitle: string;
  supertitle: string;
}

/** The title underline characters, outermost first. */
export type TitleStyles = readonly string[];

export interface TargetsConfig {
  file: DataFile;
  titleStyles: TitleStyles;
  relativeTitleStyles: RelativeTitleStyles;
  targetNames: string[];
  groupNames: string[];
  /** `raw: true`: the built documents may use the \`raw\` directive. */
  allowRaw: boolean;
}

/** One RST file of a target, with the title depth it is placed at. */
export interface TargetFile {
  /** Path relative to the spec root, e.g. `specification/modules/push.rst`. */
  path: string;
  depth: number;
  /** Where targets.yaml names it. */
  origin?: { file: string; line?: number; column?: number };
}

function at(file: DataFile, pointer: string): Partial<Diagnostic> {
  const pos = file.position(file.offsetOf(pointer));
  return { file: file.path, line: pos.line, column: pos.column, pointer };
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

export function loadTargets(root: string, memo?: ParseMemo): { config?: TargetsConfig; diagnostics: Diagnostic[] } {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = root;
  }
  const read = readSourceFile(realRoot, TARGETS_FILE);
  if (!read.ok) {
    const d = read.diagnostic;
    return { diagnostics: [d.code === "file-missing" ? { ...d, code: "targets-unreadable", message: `Cannot read ${TARGETS_FILE} (ENOENT).` } : d] };
  }
  const text = read.text;
  const parsed = parseDataFile(TARGETS_FILE, join(realRoot, TARGETS_FILE), text, "yaml", memo);
  if (!parsed.file) return { diagnostics: parsed.diagnostics };
  const file = parsed.file;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const value = file.value as Record<string, unknown> | null;
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { diagnostics: [error("targets-invalid", `${TARGETS_FILE} must be a mapping with "targets", "groups" and "title_styles".`, { file: TARGETS_FILE, line: 1 })] };
  }
  const styles = value.title_styles;
  if (!isStringList(styles) || styles.length === 0 || styles.some((s) => s.length !== 1)) {
    diagnostics.push(error("targets-invalid", `"title_styles" must be a list of single characters, outermost first.`, at(file, "/title_styles")));
  } else if (new Set(styles).size !== styles.length) {
    diagnostics.push(error("targets-invalid", `"title_styles" lists a character twice.`, at(file, "/title_styles")));
  }
  const rel = value.relative_title_styles as Record<string, unknown> | undefined;
  const relative: RelativeTitleStyles = { subtitle: "<", sametitle: "/", supertitle: ">" };
  if (rel !== undefined) {
    if (!rel || typeof rel !== "object") {
      diagnostics.push(error("targets-invalid", `"relative_title_styles" must map subtitle, sametitle and supertitle to characters.`, at(file, "/relative_title_styles")));
    } else {
      for (const key of ["subtitle", "sametitle", "supertitle"] as const) {
        const c = rel[key];
        if (typeof c !== "string" || c.length !== 1) {
          diagnostics.push(error("targets-invalid", `"relative_title_styles.${key}" must be one character.`, at(file, `/relative_title_styles/${key}`)));
        } else relative[key] = c;
      }
    }
  }
  const targets = value.targets as Record<string, unknown> | undefined;
  if (!targets || typeof targets !== "object" || Array.isArray(targets)) {
    diagnostics.push(error("targets-invalid", `"targets" must map target names to {files: [...]}.`, at(file, "/targets")));
  }
  const groups = (value.groups ?? {}) as Record<string, unknown>;
  if (typeof groups !== "object" || Array.isArray(groups)) {
    diagnostics.push(error("targets-invalid", `"groups" must map group names to lists of files.`, at(file, "/groups")));
  }
  if (value.raw !== undefined && typeof value.raw !== "boolean") {
    diagnostics.push(error("targets-invalid", `"raw" must be true or false (whether the built documents may use the raw directive).`, at(file, "/raw")));
  }
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return {
    config: {
      file,
      titleStyles: styles as string[],
      relativeTitleStyles: relative,
      targetNames: Object.keys(targets!),
      groupNames: Object.keys(groups),
      allowRaw: value.raw === true,
    },
    diagnostics,
  };
}

/**
 * The files of a target in order, with their depths. Entries are a path, `group:NAME`,
 * or a map `{depth: path-or-group}`; depths add up through groups.
 */
export function resolveTarget(config: TargetsConfig, name: string): { files: TargetFile[]; diagnostics: Diagnostic[] } {
  const file = config.file;
  const value = file.value as { targets: Record<string, { files?: unknown }>; groups?: Record<string, unknown> };
  const diagnostics: Diagnostic[] = [];
  const files: TargetFile[] = [];
  const target = value.targets[name];
  if (!target) {
    const known = config.targetNames.join(", ") || "none";
    return { files, diagnostics: [error("unknown-target", `There is no target "${name}" in ${TARGETS_FILE} (targets: ${known}).`, at(file, "/targets"))] };
  }
  if (!Array.isArray(target.files)) {
    return { files, diagnostics: [error("targets-invalid", `Target "${name}" needs a list "files".`, at(file, `/targets/${name}`))] };
  }

  const visit = (entry: unknown, depth: number, pointer: string, groupStack: string[]): void => {
    if (typeof entry === "string") {
      if (entry.startsWith("group:")) {
        const groupName = entry.slice("group:".length).trim();
        const group = value.groups?.[groupName];
        if (group === undefined) {
          const known = config.groupNames.join(", ") || "none";
          diagnostics.push(error("unknown-group", `There is no group "${groupName}" in ${TARGETS_FILE} (groups: ${known}).`, at(file, pointer)));
          return;
        }
        if (groupStack.includes(groupName)) {
          diagnostics.push(error("group-cycle", `Group "${groupName}" includes itself (${[...groupStack, groupName].join(" → ")}).`, at(file, pointer)));
          return;
        }
        if (!Array.isArray(group)) {
          diagnostics.push(error("targets-invalid", `Group "${groupName}" must be a list of files.`, at(file, `/groups/${groupName}`)));
          return;
        }
        group.forEach((g, i) => visit(g, depth, `/groups/${groupName}/${i}`, [...groupStack, groupName]));
        return;
      }
      const path = posix.normalize(`${SPEC_DIR}/${entry}`);
      if (isAbsolute(entry) || /^[a-zA-Z]:[\\/]/.test(entry) || path === ".." || path.startsWith("../")) {
        diagnostics.push(error("path-outside-root", `\`${entry}\` lies outside the spec tree; the files of a target are paths relative to ${SPEC_DIR}/, inside the tree.`, at(file, pointer)));
        return;
      }
      const pos = at(file, pointer);
      files.push({ path, depth, origin: { file: file.path, line: pos.line, column: pos.column } });
      return;
    }
    if (entry && typeof entry === "object" && !Array.isArray(entry)) {
      const keys = Object.keys(entry).sort((a, b) => Number(a) - Number(b));
      for (const key of keys) {
        const d = Number(key);
        if (!Number.isInteger(d) || d < 0) {
          diagnostics.push(error("targets-invalid", `"${key}" is not a title depth: use a whole number such as 1.`, at(file, pointer)));
          continue;
        }
        visit((entry as Record<string, unknown>)[key], depth + d, `${pointer}/${key}`, groupStack);
      }
      return;
    }
    if (Array.isArray(entry)) {
      entry.forEach((e, i) => visit(e, depth, `${pointer}/${i}`, groupStack));
      return;
    }
    diagnostics.push(error("targets-invalid", `A file entry must be a path, "group:NAME" or {depth: path}.`, at(file, pointer)));
  };
  target.files.forEach((entry, i) => visit(entry, 0, `/targets/${name}/files/${i}`, []));
  return { files, diagnostics };
}

/** Every RST file that some target includes (root-relative paths). */
export function includedFiles(config: TargetsConfig): Set<string> {
  const out = new Set<string>();
  for (const name of config.targetNames) for (const f of resolveTarget(config, name).files) out.add(f.path);
  return out;
}
