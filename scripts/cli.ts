// `matrix-doc <command>`: the command line of the toolchain, built with commander.
// Each command lives beside the code it drives and is registered here.
// Exit codes: 0 success, 1 findings, 2 usage errors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import type { CommandSpec } from "./command.ts";
import { TOOLCHAIN_ROOT } from "./toolchain-paths.ts";

/** The toolchain's version, from its package.json. */
export function toolchainVersion(): string {
  return (JSON.parse(readFileSync(join(TOOLCHAIN_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** Edit distance, for suggesting a command name close to a mistyped one. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The names closest to `name` (at most 3 edits, or sharing its start), best first. */
export function suggestCommands(name: string, names: readonly string[]): string[] {
  return names
    .map((n) => ({ n, d: distance(name, n) }))
    .filter(({ n, d }) => d <= Math.max(1, Math.min(3, Math.floor(n.length / 2))) || (name.length >= 2 && n.startsWith(name)))
    .sort((a, b) => a.d - b.d)
    .map(({ n }) => n);
}

/** Every command of the toolchain. Add a command by adding its spec here. */
async function commandSpecs(): Promise<CommandSpec[]> {
  const specs: CommandSpec[] = [];
  // (commands are appended below as they are written)
  specs.push((await import("./rst-tool/rst-command.ts")).rstCommand);
  specs.push((await import("./rst-tool/conformance-command.ts")).conformanceCommand);
  specs.push((await import("./check-command/command.ts")).checkCommand);
  specs.push((await import("./history/build-command.ts")).buildCommand);
  specs.push((await import("./diff/command.ts")).diffCommand);
  specs.push((await import("./serve/command.ts")).serveCommand);
  specs.push((await import("./bench/command.ts")).benchCommand);
  specs.push((await import("./variables/vars-command.ts")).varsCommand);
  return specs;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command("matrix-doc");
  program
    .description("Check and build the Matrix specification.")
    .version(toolchainVersion(), "-V, --version", "print the toolchain's version")
    .showHelpAfterError("(run with --help for usage)")
    .showSuggestionAfterError(true)
    .helpCommand(false)
    .exitOverride();
  let exitCode = 0;
  for (const spec of await commandSpecs()) {
    const cmd = program.command(spec.name).description(spec.description).exitOverride();
    cmd.option("--root <dir>", "root of the spec tree", process.cwd());
    cmd.option("--debug", "show stack traces of internal errors");
    spec.configure(cmd);
    cmd.action(async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const opts = command.opts();
      const positional = command.args;
      try {
        exitCode = await spec.run(opts, positional);
      } catch (e) {
        const message = (e as Error)?.message ?? String(e);
        process.stderr.write(`matrix-doc ${spec.name}: internal error: ${message}\n`);
        if (opts.debug) process.stderr.write(`${(e as Error)?.stack}\n`);
        // Whoever reads JSON on standard output gets JSON, even now.
        if (opts.format === "json") {
          const { formatJson } = await import("./report.ts");
          const diagnostic = { severity: "error" as const, code: "internal-error", message: `matrix-doc ${spec.name} stopped on an internal error: ${message}` };
          process.stdout.write(formatJson({ errors: 1, warnings: 0 }, [diagnostic]) + "\n");
        }
        exitCode = 1;
      }
    });
  }
  // `help [command]`: an unknown command is a usage error, with the closest names.
  const names = program.commands.map((c) => c.name());
  program
    .command("help [command]")
    .description("display help for a command")
    .exitOverride()
    .action((name?: string) => {
      if (!name) {
        program.outputHelp();
        return;
      }
      const command = program.commands.find((c) => c.name() === name);
      if (command && name !== "help") {
        command.outputHelp();
        return;
      }
      const close = suggestCommands(name, names);
      process.stderr.write(`matrix-doc help: unknown command '${name}'.${close.length ? ` Did you mean ${close.map((c) => `'${c}'`).join(" or ")}?` : ""} Commands: ${names.join(", ")}.\n`);
      exitCode = 2;
    });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    throw e;
  }
  return exitCode;
}
