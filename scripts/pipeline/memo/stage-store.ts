// The results of stages kept between runs, one file each, named by the stage
// and the hash of everything the result depends on (./memo-stages.ts makes the
// keys). A file holds the value in V8's serialization format (node:v8), which
// reads and writes a page's rendering several times faster than JSON. Entries are written whole (a temporary file, then a
// rename), so a run that stops half-way leaves none half-written. Only the
// most recently written entries of each stage are kept. Failing to read or
// write only costs speed.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

/** Entries kept for each stage, and their size at most (the newest is always kept); the least recently written go first. */
const KEPT = 24;
const KEPT_BYTES = 32 * 1024 * 1024;
/** Bump when the shape of a stored result changes. */
const FORMAT = 2;

export class StageStore {
  private readonly dir: string;

  constructor(cacheDir: string) {
    this.dir = join(cacheDir, "stages");
  }

  get<T>(stage: string, key: string): T | undefined {
    try {
      const stored = deserialize(readFileSync(this.path(stage, key))) as { format: number; value: T };
      return stored.format === FORMAT ? stored.value : undefined;
    } catch {
      return undefined;
    }
  }

  set(stage: string, key: string, value: unknown): void {
    // Outside the try: a value that cannot be serialized (a function in it) is the toolchain's bug, not the disk's.
    const bytes = serialize({ format: FORMAT, value });
    try {
      mkdirSync(this.dir, { recursive: true });
      const path = this.path(stage, key);
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
      this.prune(stage);
    } catch {
      // a read-only folder or a race with another run: the next run computes again
    }
  }

  private path(stage: string, key: string): string {
    return join(this.dir, `${stage}-${key}.v8`);
  }

  private prune(stage: string): void {
    // The stage's name and a key (which holds no dash): `page-last-<key>` is not the page stage's.
    const ownEntry = new RegExp(`^${stage}-[^-]+\\.v8$`);
    const entries = readdirSync(this.dir)
      .filter((n) => ownEntry.test(n))
      .map((n) => ({ path: join(this.dir, n), stat: statSync(join(this.dir, n)) }))
      .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
    let bytes = 0;
    entries.forEach((entry, i) => {
      bytes += entry.stat.size;
      if (i > 0 && (i >= KEPT || bytes > KEPT_BYTES)) unlinkSync(entry.path);
    });
  }
}
