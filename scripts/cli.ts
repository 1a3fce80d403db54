// `matrix-doc <command>`: the command line of the toolchain, built with commander.
// Each command lives beside the code it drives and is registered here.
// Exit codes: 0 success, 1 findings, 2 usage errors.
import { Command, CommanderError } from "commander";
import type { CommandSpec } from "./command.ts";

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
    .showHelpAfterError("(run with --help for usage)")
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
