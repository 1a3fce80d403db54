// `matrix-doc serve` put together: a PreviewSession builds, a PreviewServer
// serves, a SourceWatcher rebuilds on changes. The server listens first, then
// the first build runs; after that every batch of changes gives a rebuild, and then a
// reload event (the build is fine) or the diagnostics overlay (it is not). The
// pages are served from memory as soon as they are built, and written to the
// output folder once the edits pause.
import { listVersions } from "../write/write-output.ts";
import { PreviewServer } from "./server.ts";
import { changedSection, type ChangedSection } from "./page-diff.ts";
import { PreviewSession, type SessionBuild } from "./session.ts";
import { SourceWatcher } from "./watcher.ts";

export interface PreviewOptions {
  root: string;
  out: string;
  target?: string;
  host?: string;
  port?: number;
  debounceMs?: number;
  /** Folder of the on-disk caches; see PreviewSession. */
  cacheDir?: string;
  /** Called after every build (the first included), with the changed paths and the time from the batch to the event. */
  onBuild?(build: SessionBuild, changed: readonly string[], ms: number): void;
  onError?(error: Error): void;
}

export interface Preview {
  url: string;
  session: PreviewSession;
  server: PreviewServer;
  first: SessionBuild;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const session = new PreviewSession({ root: options.root, out: options.out, target: options.target, ...("cacheDir" in options ? { cacheDir: options.cacheDir } : {}) });
  const server = new PreviewServer({
    outDir: options.out,
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 8000,
    memoryFiles: () => memoryFiles(session),
  });
  // Listen first, so that a taken port is reported at once; the first build follows.
  const url = await server.start();
  const started = performance.now();
  let first: SessionBuild;
  try {
    first = session.build();
    if (first.ok) session.write();
  } catch (e) {
    await server.close();
    throw e;
  }
  if (!first.ok) server.showDiagnostics(first.diagnostics);
  options.onBuild?.(first, [], performance.now() - started);

  // Writing the output folder takes longer than a rebuild: it waits until the edits pause,
  // so that the reload event and the pages' requests are answered first.
  let writeTimer: NodeJS.Timeout | undefined;
  const write = () => {
    if (writeTimer) clearTimeout(writeTimer);
    writeTimer = undefined;
    try {
      session.write();
    } catch (e) {
      options.onError?.(e as Error);
    }
  };
  const scheduleWrite = () => {
    if (writeTimer) clearTimeout(writeTimer);
    writeTimer = setTimeout(write, 300);
  };

  const watcher = new SourceWatcher({
    root: session.root,
    debounceMs: options.debounceMs,
    onBatch(changed) {
      const t = performance.now();
      let build: SessionBuild;
      let previous: Map<string, string> | undefined;
      try {
        previous = session.lastGood?.pages;
        build = session.build(changed);
      } catch (e) {
        // A fault of the toolchain, not of the sources: say so on the pages too, and keep serving.
        const message = `The preview could not rebuild: ${(e as Error).message}`;
        server.showDiagnostics([{ severity: "error", code: "internal-error", message }]);
        options.onError?.(e as Error);
        return;
      }
      if (build.ok && build.changedPages.length) {
        // The pages are served from memory; the theme's files come from the disk, so they go first.
        if (changed.some((p) => p.startsWith("templating/theme/"))) write();
        else scheduleWrite();
      }
      // The theme changes the page's frame and scripts: a full reload; anything else is morphed in place.
      if (build.ok) {
        // The changed section of each page, when the change stays inside one: the page morphs just that.
        const sections: Record<string, ChangedSection> = {};
        for (const file of build.changedPages) {
          const before = previous?.get(file);
          const after = build.pages.get(file);
          const section = before !== undefined && after !== undefined ? changedSection(before, after) : undefined;
          if (section) sections[file] = section;
        }
        server.reload(build.changedPages, changed.some((p) => p.startsWith("templating/theme/")), sections);
      }
      else server.showDiagnostics(build.diagnostics);
      options.onBuild?.(build, changed, performance.now() - t);
    },
    onError: (e) => options.onError?.(e),
  });
  try {
    await watcher.start();
  } catch (e) {
    await server.close();
    throw e;
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    session,
    server,
    first,
    close: () =>
      (closing ??= Promise.all([watcher.close(), server.close()]).then(() => {
        if (writeTimer) write(); // the last good build is on disk when the preview stops
      })),
  };
}

/** The pages of the last good build by their paths in the output folder. */
function memoryFiles(session: PreviewSession): Map<string, string> {
  const files = new Map<string, string>();
  const good = session.lastGood;
  if (!good) return files;
  // `latest/` is this build only when no newer version sits in the output folder.
  const versions = listVersions(session.out);
  const latest = versions.length === 0 || versions[0] === good.version;
  for (const [name, html] of good.pages) {
    files.set(`${good.version}/${name}`, html);
    if (latest) files.set(`latest/${name}`, html);
  }
  return files;
}

