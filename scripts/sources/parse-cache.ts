// Parsed YAML kept between runs. Parsing the Swagger files with the `yaml`
// package is most of a cold run's loading time, and they rarely change; so the
// parsed value and its position index are stored by the SHA-256 of the file's
// text (plus a format version), in one JSON file per spec tree. A changed file
// has a new hash and is parsed again; entries a run did not use are dropped, and
// only the files of the most recently checked trees are kept. Failing to read or
// write the cache only costs speed.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import type { DataKind, NodeSpan, Parsed, ParseMemo } from "./data-file.ts";

const YAML_VERSION = (createRequire(import.meta.url)("yaml/package.json") as { version: string }).version;
/** Bump when the shape of `Parsed` or the way it is computed changes. */
const FORMAT = `parse-cache 1, yaml ${YAML_VERSION}`;
/** Cache files (spec trees) kept at most; the least recently written go first. */
const TREES = 8;

interface Stored {
  format: string;
  entries: Record<string, { value: unknown; index: [string, NodeSpan][] }>;
}

export class ParseCache implements ParseMemo {
  private stored: Stored = { format: FORMAT, entries: {} };
  private readonly used = new Set<string>();
  private changed = false;
  private readonly file: string;

  /** `root` names the spec tree: each tree has its own cache file. */
  constructor(dir: string, root: string) {
    this.file = join(dir, `parsed-yaml-${hash(root).slice(0, 16)}.json`);
    try {
      const data = JSON.parse(readFileSync(this.file, "utf8")) as Stored;
      if (data.format === FORMAT && data.entries && typeof data.entries === "object") this.stored = data;
    } catch {
      // no cache yet, or an unreadable one: start afresh
    }
  }

  get(kind: DataKind, text: string): Parsed | undefined {
    if (kind !== "yaml") return undefined; // JSON parses fast enough
    const key = hash(text);
    const entry = this.stored.entries[key];
    if (!entry) return undefined;
    this.used.add(key);
    return { value: entry.value, index: new Map(entry.index) };
  }

  set(kind: DataKind, text: string, parsed: Parsed): void {
    if (kind !== "yaml" || !isPlainJson(parsed.value)) return;
    const key = hash(text);
    this.stored.entries[key] = { value: parsed.value, index: [...parsed.index] };
    this.used.add(key);
    this.changed = true;
  }

  /** Write the cache if this run added entries or left some unused. */
  save(): void {
    const unused = Object.keys(this.stored.entries).filter((k) => !this.used.has(k));
    if (!this.changed && unused.length === 0) return;
    for (const k of unused) delete this.stored.entries[k];
    try {
      const dir = dirname(this.file);
      mkdirSync(dir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.stored));
      renameSync(tmp, this.file);
      this.changed = false;
      const old = readdirSync(dir)
        .filter((n) => n.startsWith("parsed-yaml-") && n.endsWith(".json"))
        .map((n) => ({ path: join(dir, n), time: statSync(join(dir, n)).mtimeMs }))
        .sort((a, b) => b.time - a.time)
        .slice(TREES);
      for (const o of old) unlinkSync(o.path);
    } catch {
      // a read-only folder or a race with another run: the next run parses again
    }
  }
}

const hash = (text: string) => createHash("sha256").update(text).digest("hex");

/** Whether a value survives JSON unchanged (YAML can give `.inf`, `.nan`, ...). */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as object).every(isPlainJson);
  }
  return false;
}
