// `matrix-doc serve`: build once, serve the output on http://127.0.0.1:8000, and
// rebuild what an edit touches; open pages reload by themselves, or show the
// build's problems over the last good page. Ctrl-C stops it (exit 0).
// Exit 2 on usage errors (bad port, missing root), 1 when the server cannot start.
import { resolve } from "node:path";
import type { Command } from "commander";
import { type CommandSpec, outFolder, rootFolder } from "../command.ts";

export const serveCommand: CommandSpec = {
  name: "serve",
  description: "Build, serve the pages on http://127.0.0.1:8000 and rebuild what each edit touches; open pages reload by themselves.",
  configure(cmd: Command) {
    cmd.option("--port <n>", "port to listen on (0 for any free one)", "8000");
    cmd.option("--host <address>", "address to listen on (only this machine by default)", "127.0.0.1");
    cmd.option("--target <name>", "the target of specification/targets.yaml to build (default: main, or every target when there is no main)");
    cmd.option("--out <dir>", "output folder (default: <root>/gen)");
  },
  async run(options) {
    const root = resolve(String(options.root ?? process.cwd()));
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      process.stderr.write(`matrix-doc serve: --port takes a port number (0-65535), not "${options.port}".\n`);
      return 2;
    }
    if (!rootFolder(options, "serve")) return 2;
    const { realpathSync } = await import("node:fs");
    const realRoot = realpathSync(root);
    const { startPreview } = await import("./preview.ts");
    const { formatText } = await import("../report.ts");
    const out = outFolder(options, "serve", realRoot);
    if (!out) return 2;
    const { isLoopback } = await import("./host-check.ts");
    if (!isLoopback(String(options.host))) {
      process.stderr.write(
        `matrix-doc serve: warning: --host ${options.host} makes the preview reachable from other machines, not only this one. ` +
          `Requests are answered only for localhost or ${options.host}.\n`,
      );
    }
    const color = Boolean(process.stderr.isTTY);
    const say = (line: string) => process.stdout.write(line + "\n");
    let preview;
    try {
      preview = await startPreview({
        root: realRoot,
        out,
        target: options.target === undefined ? undefined : String(options.target),
        host: String(options.host),
        port,
        onBuild(build, changed, ms) {
          const what = changed.length ? `${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ` and ${changed.length - 3} more` : ""}` : "first build";
          if (build.ok) {
            say(`${what}: ${build.changedPages.length ? `rebuilt ${build.changedPages.join(", ")}` : "no page changed"} (${ms.toFixed(0)} ms)`);
            const warnings = build.diagnostics.filter((d) => d.severity !== "error");
            if (warnings.length && !changed.length) process.stderr.write(formatText(warnings, { root: realRoot, color }) + "\n");
          } else {
            const errors = build.diagnostics.filter((d) => d.severity === "error").length;
            process.stderr.write(formatText(build.diagnostics, { root: realRoot, color }) + "\n");
            say(`${what}: build failed with ${errors} error${errors === 1 ? "" : "s"}; the last good pages stay (${ms.toFixed(0)} ms)`);
          }
        },
        onError: (e) => process.stderr.write(`matrix-doc serve: ${e.message}\n`),
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === "EADDRINUSE" ? `port ${port} is in use (try --port)` : code === "EADDRNOTAVAIL" ? `the address ${options.host} is not available here` : (e as Error).message;
      process.stderr.write(`matrix-doc serve: cannot start the server: ${reason}.\n`);
      return 1;
    }
    const page = options.target && options.target !== "main" ? `${options.target}.html` : "";
    say(`serving ${out} on ${preview.url}/latest/${page}  (Ctrl-C to stop)`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        say("stopping");
        void preview.close().then(done, done);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return 0;
  },
};
