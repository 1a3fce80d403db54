// CHANGELOG.rst: one entry per release, newest first. Every title underlined
// with `=` must name a version `v<num>.<num>.<num>` (digits only) and a date
// `(YYYY-MM-DD)`, e.g.
//
//     Specification changes in v0.2.0 (2015-10-02)
//     ============================================
//
// The underline is at least as long as the title, versions strictly decrease
// down the file, and the newest entry has a body. The check reports the
// diagnostics; the build reads `spec_version` and `spec_changelog` from the
// newest entry and fails with the same diagnostics.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

export const CHANGELOG_FILE = "CHANGELOG.rst";

export interface ChangelogEntry {
  /** e.g. `v0.2.0`. */
  version: string;
  /** The version's numbers, for comparison. */
  versionNumbers: [number, number, number];
  /** e.g. `2015-10-02`. */
  date: string;
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
  /** Entries whose title names a version and a date, in file order (newest first when valid). */
  entries: ChangelogEntry[];
  diagnostics: Diagnostic[];
}

const UNDERLINE = /^=+\s*$/;
const VERSION = /\bv(\d+)\.(\d+)\.(\d+)(?![\w.-])/;
const DATE = /\((\d{4})-(\d{2})-(\d{2})\)/;

export function loadChangelog(root: string): Changelog {
  let text: string;
  try {
    text = readFileSync(join(root, CHANGELOG_FILE), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? `There is no ${CHANGELOG_FILE} at the root of the spec tree.`
        : `${CHANGELOG_FILE} cannot be read (${code ?? (e as Error).message}).`;
    return { file: CHANGELOG_FILE, entries: [], diagnostics: [error(code === "ENOENT" ? "changelog-missing" : "file-unreadable", message, { file: CHANGELOG_FILE })] };
  }
  return parseChangelog(text);
}

/** The newest entry, or undefined when there is none. */
export function newestEntry(changelog: Changelog): ChangelogEntry | undefined {
  return changelog.entries[0];
}

const width = (s: string) => [...s.trimEnd()].length;

export function parseChangelog(text: string, file = CHANGELOG_FILE): Changelog {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column = 1) => ({ file, line, column });
  if (text.trim() === "") {
    return { file, entries: [], diagnostics: [error("file-empty", `${file} is empty; it needs at least one release entry.`, at(1))] };
  }
  const lines = text.split(/\r?\n/);
  const isTitle = (i: number) =>
    i + 1 < lines.length &&
    UNDERLINE.test(lines[i + 1]) &&
    lines[i].trim() !== "" &&
    !/^\s/.test(lines[i]) &&
    !lines[i].startsWith("..") &&
    !UNDERLINE.test(lines[i]);

  const titles: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isTitle(i)) titles.push(i);

  const entries: ChangelogEntry[] = [];
  /** Every title with a readable version, for the order rule (even when its date is wrong). */
  const versioned: { version: string; numbers: number[]; line: number; column: number }[] = [];
  let newestHasBody = true;
  titles.forEach((i, n) => {
    const title = lines[i].trimEnd();
    const lineNo = i + 1;
    if (width(lines[i + 1]) < width(title)) {
      diagnostics.push(
        error(
          "changelog-underline",
          `The \`=\` underline is ${width(lines[i + 1])} characters long but the title above it has ${width(title)}; make it at least as long as the title.`,
          at(lineNo + 1),
        ),
      );
    }
    const v = VERSION.exec(title);
    if (!v) {
      const near = /\bv\d\S*/.exec(title)?.[0].replace(/[),;:]+$/, "");
      diagnostics.push(
        error(
          "changelog-version",
          near
            ? `The title names the version \`${near}\`, which is not of the form v<num>.<num>.<num> with digits only.`
            : "The title does not name a version of the form v<num>.<num>.<num> (digits only).",
          at(lineNo, near ? title.indexOf(near) + 1 : 1),
        ),
      );
    }
    if (v) versioned.push({ version: v[0], numbers: [Number(v[1]), Number(v[2]), Number(v[3])], line: lineNo, column: v.index + 1 });
    const d = DATE.exec(title);
    const dateOk = d !== null && isCalendarDate(Number(d[1]), Number(d[2]), Number(d[3]));
    if (!dateOk) {
      diagnostics.push(
        error(
          "changelog-date",
          d
            ? `The title's date (${d[1]}-${d[2]}-${d[3]}) is not a real calendar date.`
            : "The title does not give a release date in the form (YYYY-MM-DD).",
          at(lineNo, d ? d.index + 1 : 1),
        ),
      );
    }
    const bodyEnd = n + 1 < titles.length ? titles[n + 1] : lines.length;
    let first = i + 2;
    let last = bodyEnd - 1;
    while (first <= last && lines[first].trim() === "") first++;
    while (last >= first && lines[last].trim() === "") last--;
    const body = first <= last ? lines.slice(first, last + 1).join("\n") : "";
    if (n === 0 && body === "") newestHasBody = false;
    if (v && dateOk) {
      entries.push({
        version: `v${v[1]}.${v[2]}.${v[3]}`,
        versionNumbers: [Number(v[1]), Number(v[2]), Number(v[3])],
        date: `${d![1]}-${d![2]}-${d![3]}`,
        title,
        titleLine: lineNo,
        body,
        bodyLine: body ? first + 1 : i + 3,
      });
    }
  });

  if (titles.length === 0) {
    diagnostics.push(
      error("changelog-no-entries", `${file} has no release entries: no title underlined with \`=\` was found.`, at(1)),
    );
  }
  for (let k = 1; k < versioned.length; k++) {
    const prev = versioned[k - 1];
    const cur = versioned[k];
    if (compareVersions(cur.numbers, prev.numbers) >= 0) {
      diagnostics.push(
        error(
          "changelog-order",
          `${cur.version} comes after ${prev.version} (line ${prev.line}), but versions must strictly decrease down the file, newest first.`,
          at(cur.line, cur.column),
        ),
      );
    }
  }
  if (!newestHasBody) {
    diagnostics.push(error("changelog-empty-entry", "The newest entry has no text under its title.", at(titles[0] + 1)));
  }
  return { file, entries, diagnostics };
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
