// A changelog file (`CHANGELOG.rst`, or one of `changelogs/*.rst`): one entry
// per release, newest first. The rules, for every changelog file:
//
// - Before the first entry there are only blank lines and comments (`..`).
// - A release title is underlined with `=` (no overline), the underline at
//   least as long as the title, and reads exactly
//
//       [<words> in ]<version>[ (<YYYY-MM-DD>)]
//
//   where <version> is `v<n>.<n>.<n>` or `r<n>.<n>.<n>` (digits only, at most
//   four per number) and the date, when given, is a real calendar date:
//   `Specification changes in v0.2.0 (2015-10-02)`, `r0.6.0`,
//   `Changes in r0.4.0 (2018-11-08)`.
// - The first entry may instead be titled `Unreleased changes`.
// - Versions strictly decrease down the file; the newest entry has a body.
// - Titles underlined with other characters are subsections of an entry; one
//   that names a version is an error (a release title at the wrong level).
//
// The check reports the diagnostics; the build reads `spec_version` and
// `spec_changelog` from the newest entry of the main changelog and fails with
// the same diagnostics.
import { realpathSync } from "node:fs";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { readSourceFile } from "./safe-read.ts";

export interface ChangelogEntry {
  /** e.g. `v0.2.0` or `r0.6.0`. */
  version: string;
  /** The version's numbers, for comparison. */
  versionNumbers: [number, number, number];
  /** e.g. `2015-10-02`, when the title gives one. */
  date?: string;
  /** The whole title text. */
  title: string;
  /** 1-based line of the title. */
  titleLine: number;
  /** The RST text between the underline and the next title, without blank lines at either end. */
  body: string;
  /** 1-based line where the body starts (the line after the underline when the body is empty). */
  bodyLine: number;
}

export interface Changelog {
  file: string;
  /** Released entries whose title follows the rules, in file order (newest first when valid). */
  entries: ChangelogEntry[];
  /** Whether the file starts with an `Unreleased changes` entry. */
  unreleased: boolean;
  diagnostics: Diagnostic[];
}

const TITLE = /^(?:([A-Za-z][\w-]*(?: [\w-]+)*) in )?([vr])(\d{1,4})\.(\d{1,4})\.(\d{1,4})(?: \((\d{4})-(\d{2})-(\d{2})\))?$/;
const UNRELEASED = /^unreleased changes$/i;
const LOOSE_VERSION = /\b[vr]\d[^\s()]*/;
const ADORNMENT = /^([!-/:-@[-`{-~])\1{2,}\s*$/;

export function loadChangelog(root: string, file: string): Changelog {
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // reported as a missing file below
  }
  // Read under the rules of ./safe-read.ts: inside the tree, a regular file, size, UTF-8.
  const read = readSourceFile(realRoot, file);
  if (!read.ok) {
    const d = read.diagnostic;
    if (d.code !== "file-missing") return { file, entries: [], unreleased: false, diagnostics: [d] };
    const message = `There is no changelog: neither CHANGELOG.rst at the root nor changelogs/*.rst.`;
    return { file, entries: [], unreleased: false, diagnostics: [error("changelog-missing", message, { file })] };
  }
  return parseChangelog(read.text, file);
}

/** The newest released entry, or undefined when there is none. */
export function newestEntry(changelog: Changelog): ChangelogEntry | undefined {
  return changelog.entries[0];
}

const width = (s: string) => [...s.trimEnd()].length;

interface Title {
  /** 0-based index of the title text. */
  index: number;
  char: string;
  overlined: boolean;
}

function findTitles(lines: readonly string[]): Title[] {
  const titles: Title[] = [];
  let inComment = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("..")) inComment = true;
    else if (line.trim() !== "" && !/^\s/.test(line)) inComment = false;
    if (inComment || line.trim() === "" || /^\s/.test(line) || ADORNMENT.test(line)) continue;
    const under = ADORNMENT.exec(lines[i + 1]);
    if (!under) continue;
    titles.push({ index: i, char: under[1], overlined: i > 0 && ADORNMENT.exec(lines[i - 1])?.[1] === under[1] });
  }
  return titles;
}

export function parseChangelog(text: string, file: string): Changelog {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column = 1) => ({ file, line, column });
  if (text.trim() === "") {
    return { file, entries: [], unreleased: false, diagnostics: [error("file-empty", `${file} is empty; it needs at least one release entry.`, at(1))] };
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const all = findTitles(lines);
  // Subsection titles that name a version are release titles at the wrong level.
  for (const t of all) {
    if (t.char === "=" || !TITLE.test(lines[t.index].trimEnd())) continue;
    diagnostics.push(error("changelog-title-level", `This release title is underlined with \`${t.char}\`; release titles are underlined with \`=\`.`, at(t.index + 2)));
  }
  const titles = all.filter((t) => t.char === "=");
  const firstTitle = titles.length ? titles[0].index - (titles[0].overlined ? 1 : 0) : lines.length;
  const stray = findStrayText(lines, firstTitle);
  if (stray !== undefined) {
    diagnostics.push(error("changelog-stray-text", "Text before the first release title; only comments (`..`) may come before it. Is a release title missing?", at(stray + 1)));
  }

  const entries: ChangelogEntry[] = [];
  let unreleased = false;
  let newer: { version: string; numbers: number[]; line: number } | undefined;
  titles.forEach((t, n) => {
    const title = lines[t.index].trimEnd();
    const lineNo = t.index + 1;
    if (t.overlined) diagnostics.push(error("changelog-title-level", "A release title has an underline of `=` only, no overline.", at(lineNo - 1)));
    if (width(lines[t.index + 1]) < width(title)) {
      diagnostics.push(
        error("changelog-underline", `The \`=\` underline is ${width(lines[t.index + 1])} characters long but the title above it has ${width(title)}; make it at least as long as the title.`, at(lineNo + 1)),
      );
    }
    const bodyEnd = n + 1 < titles.length ? titles[n + 1].index - (titles[n + 1].overlined ? 1 : 0) : lines.length;
    let first = t.index + 2;
    let last = bodyEnd - 1;
    while (first <= last && lines[first].trim() === "") first++;
    while (last >= first && lines[last].trim() === "") last--;
    const body = first <= last ? lines.slice(first, last + 1).join("\n") : "";
    if (UNRELEASED.test(title)) {
      if (n > 0) diagnostics.push(error("changelog-unreleased", "Only the first entry may be `Unreleased changes`.", at(lineNo)));
      else unreleased = true;
      return;
    }
    const m = TITLE.exec(title);
    if (!m) {
      diagnostics.push(error("changelog-title", titleProblem(title), at(lineNo, Math.max(1, (LOOSE_VERSION.exec(title)?.index ?? 0) + 1))));
      return;
    }
    const numbers: [number, number, number] = [Number(m[3]), Number(m[4]), Number(m[5])];
    const version = `${m[2]}${numbers.join(".")}`;
    const column = title.indexOf(`${m[2]}${m[3]}.`) + 1;
    if (m[6] !== undefined && !isCalendarDate(Number(m[6]), Number(m[7]), Number(m[8]))) {
      diagnostics.push(error("changelog-date", `The title's date (${m[6]}-${m[7]}-${m[8]}) is not a real calendar date.`, at(lineNo, title.indexOf("(") + 2)));
    }
    if (newer && compareVersions(numbers, newer.numbers) >= 0) {
      diagnostics.push(error("changelog-order", `${version} comes after ${newer.version} (line ${newer.line}), but versions must strictly decrease down the file, newest first.`, at(lineNo, column)));
    }
    newer = { version, numbers, line: lineNo };
    if (entries.length === 0 && body === "") diagnostics.push(error("changelog-empty-entry", "The newest entry has no text under its title.", at(lineNo)));
    entries.push({ version, versionNumbers: numbers, date: m[6] === undefined ? undefined : `${m[6]}-${m[7]}-${m[8]}`, title, titleLine: lineNo, body, bodyLine: body ? first + 1 : t.index + 3 });
  });
  if (titles.length === 0) {
    diagnostics.push(error("changelog-no-entries", `${file} has no release entries: no title underlined with \`=\` was found.`, at(1)));
  }
  return { file, entries, unreleased, diagnostics };
}

/** The first line before `end` that is neither blank nor part of a comment. */
function findStrayText(lines: readonly string[], end: number): number | undefined {
  let inComment = false;
  for (let i = 0; i < end; i++) {
    const line = lines[i];
    if (line.trim() === "") continue;
    if (line.startsWith("..")) {
      inComment = true;
      continue;
    }
    if (inComment && /^\s/.test(line)) continue;
    return i;
  }
  return undefined;
}

function titleProblem(title: string): string {
  const near = LOOSE_VERSION.exec(title)?.[0].replace(/[),;:.]+$/, "");
  const form = "a release title reads `[<words> in ]v<n>.<n>.<n>[ (YYYY-MM-DD)]` (or `r<n>.<n>.<n>`), digits only, at most four per number, and nothing else";
  if (!near) return `This title does not name a version: ${form}.`;
  return `This release title does not follow the rule: ${form}.`;
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}
