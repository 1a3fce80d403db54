// Watching the spec sources for the preview: chokidar on the folders and files
// the build reads; changes are gathered into batches (root-relative paths) and
// handed on after a quiet moment, so an editor that saves several files at once,
// or writes a file in steps, causes one rebuild. A batch that arrives while the
// handler runs waits for it to finish.
import chokidar, { type FSWatcher } from "chokidar";
import { relative, sep } from "node:path";

/** What the preview watches, relative to the root. */
export const WATCHED = ["api", "event-schemas", "specification", "supporting-docs", "templating", "CHANGELOG.rst"];

export interface WatchOptions {
  root: string;
  /** Quiet time before a batch is handed on, in ms. */
  debounceMs?: number;
  /** A batch is handed on at the latest this long after its first change, even if changes go on. */
  maxWaitMs?: number;
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
    await this.watcher?.close();
  }

  private note(path: string): void {
    if (this.closed) return;
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
    this.running = true;
    try {
      await this.options.onBatch(batch);
    } catch (e) {
      this.options.onError?.(e as Error);
    } finally {
      this.running = false;
      if (this.pending.size) this.schedule();
    }
  }
}
