// Watching the spec sources for the preview: chokidar on the folders and files
// the build reads; changes are gathered into batches (root-relative paths) and
// handed on after a quiet moment, so an editor that saves several files at once,
// or writes a file in steps, causes one rebuild. A batch that arrives while the
// handler runs waits for it to finish.
//
// File system events are not a faithful record: chokidar passes on at most one
// change of a path per 50 ms and drops the rest, so the last of a quick run of
// saves can go unseen. So every path handed on is fingerprinted (its content
// hash) at that moment, and once events have been quiet for `settleMs` the
// fingerprints are taken again: a path whose content differs from what was
// handed on is handed on once more. The preview thus always ends at the state of
// the files on disk.
import chokidar, { type FSWatcher } from "chokidar";
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { MAX_SOURCE_BYTES } from "../sources/limits.ts";

/** What the preview watches, relative to the root. */
export const WATCHED = ["api", "event-schemas", "specification", "supporting-docs", "templating", "CHANGELOG.rst"];

export interface WatchOptions {
  root: string;
  /** Quiet time before a batch is handed on, in ms. */
  debounceMs?: number;
  /** A batch is handed on at the latest this long after its first change, even if changes go on. */
  maxWaitMs?: number;
  /** Quiet time after which the paths handed on are checked against the disk, in ms (more than chokidar's 50 ms throttle). */
  settleMs?: number;
  onBatch(paths: string[]): void | Promise<void>;
  onError?(error: Error): void;
}

/** Editor leftovers that are not sources: swap files, backups, dot files. */
export function isIgnored(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? "";
  return name.startsWith(".") || name.endsWith("~") || /\.(swp|swx|tmp)$/.test(name) || name.startsWith("#");
}

export class SourceWatcher {
  private watcher: FSWatcher | undefined;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstAt = 0;
  private running = false;
  private closed = false;
  /** Paths handed on since the last settle check, with their fingerprint at that moment. */
  private readonly handedOn = new Map<string, string>();
  private settleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: WatchOptions) {}

  /** Starts watching; resolves when the initial scan is done. */
  start(): Promise<void> {
    const { root } = this.options;
    // The root itself is watched, with everything but the watched entries ignored: chokidar
    // then reports "ready" once, and sees a watched folder that is created later.
    const ignored = (path: string) => {
      const rel = relative(root, path);
      if (rel === "") return false;
      return !WATCHED.includes(rel.split(sep)[0]) || isIgnored(path);
    };
    const watcher = chokidar.watch(root, { ignoreInitial: true, ignored, followSymlinks: false, ignorePermissionErrors: true });
    this.watcher = watcher;
    const note = (path: string) => this.note(relative(root, path).split(sep).join("/"));
    watcher.on("add", note).on("change", note).on("unlink", note).on("addDir", note).on("unlinkDir", note);
    watcher.on("error", (e) => this.options.onError?.(e as Error));
    return new Promise((done) => watcher.once("ready", () => done()));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    await this.watcher?.close();
  }

  private note(path: string): void {
    if (this.closed) return;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    if (this.pending.size === 0) this.firstAt = performance.now();
    this.pending.add(path);
    this.schedule();
  }

  private schedule(): void {
    if (this.running) return; // picked up when the running batch ends
    if (this.timer) clearTimeout(this.timer);
    const debounce = this.options.debounceMs ?? 10;
    const waited = performance.now() - this.firstAt;
    const delay = Math.max(0, Math.min(debounce, (this.options.maxWaitMs ?? 500) - waited));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.closed || this.pending.size === 0) return;
    const batch = [...this.pending].sort();
    this.pending.clear();
    for (const path of batch) this.handedOn.set(path, fingerprint(join(this.options.root, path)));
    this.running = true;
    try {
      await this.options.onBatch(batch);
    } catch (e) {
      this.options.onError?.(e as Error);
    } finally {
      this.running = false;
      if (this.pending.size) this.schedule();
      else this.scheduleSettle();
    }
  }

  private scheduleSettle(): void {
    if (this.closed || this.handedOn.size === 0) return;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), this.options.settleMs ?? 100);
  }

  /** Hands on again every path whose content changed since it was handed on without an event saying so. */
  private settle(): void {
    this.settleTimer = undefined;
    if (this.closed || this.running || this.pending.size) return;
    const missed = [...this.handedOn].filter(([path, print]) => fingerprint(join(this.options.root, path)) !== print).map(([path]) => path);
    this.handedOn.clear();
    for (const path of missed) this.note(path);
  }
}

/**
 * What a path holds, as a short string: a hash of a regular file's content, or its
 * kind. Opened without blocking, so a FIFO cannot hang the watcher.
 */
export function fingerprint(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return `missing:${(e as NodeJS.ErrnoException).code ?? ""}`;
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return "folder";
    if (!stats.isFile()) return "other";
    if (stats.size > MAX_SOURCE_BYTES) return `large:${stats.size}:${stats.mtimeMs}`;
    const hash = createHash("sha1");
    const buffer = Buffer.allocUnsafe(64 * 1024);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
    return `file:${hash.digest("hex")}`;
  } catch {
    return "unreadable";
  } finally {
    closeSync(fd);
  }
}
