// Parsed YAML kept between runs. Parsing the Swagger files with the `yaml`
// package is most of a cold run's loading time, and they rarely change; so the
// parsed value and its position index are stored by the SHA-256 of the file's
// text (plus a format version), in one JSON file. A changed file has a new hash
// and is parsed again. Failing to read or write the cache only costs speed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import type { DataKind, NodeSpan, Parsed, ParseMemo } from "./data-file.ts";

const YAML_VERSION = (createRequire(import.meta.url)("yaml/package.json") as { version: string }).version;
/** Bump when the shape of `Parsed` or the way it is computed changes. */
const FORMAT = `parse-cache 1, yaml ${YAML_VERSION}`;
/** Entries kept at most (the oldest go first). */
const LIMIT = 2000;

interface Stored {
  format: string;
  entries: Record<string, { value: unknown; index: [string, NodeSpan][] }>;
}

export class ParseCache implements ParseMemo {
  private stored: Stored = { format: FORMAT, entries: {} };
  private changed = false;
  private readonly file: string;

  constructor(dir: string) {
    this.file = join(dir, "parsed-yaml.json");
    try {
      const data = JSON.parse(readFileSync(this.file, "utf8")) as Stored;
      if (data.format === FORMAT && data.entries && typeof data.entries === "object") this.stored = data;
    } catch {
      // no cache yet, or an unreadable one: start afresh
    }
  }

  get(kind: DataKind, text: string): Parsed | undefined {
    if (kind !== "yaml") return undefined; // JSON parses fast enough
    const entry = this.stored.entries[hash(text)];
    return entry ? { value: entry.value, index: new Map(entry.index) } : undefined;
  }

  set(kind: DataKind, text: string, parsed: Parsed): void {
    if (kind !== "yaml" || !isPlainJson(parsed.value)) return;
    this.stored.entries[hash(text)] = { value: parsed.value, index: [...parsed.index] };
    this.changed = true;
  }

  /** Write the cache if anything was added. */
  save(): void {
    if (!this.changed) return;
    try {
      const keys = Object.keys(this.stored.entries);
      for (const k of keys.slice(0, Math.max(0, keys.length - LIMIT))) delete this.stored.entries[k];
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.stored));
      renameSync(tmp, this.file);
      this.changed = false;
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
