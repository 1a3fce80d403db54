// `matrix-doc rst`: render one reStructuredText file as rst2html does, or run the
// engine over a file of conformance cases (`--cases FILE --emit OUT`).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CommandSpec } from "../command.ts";
import { readCases, runCase } from "../rst/testing/run-cases.ts";
import { loadEngine } from "./engine.ts";
import { standalonePage } from "./standalone-page.ts";

export const rstCommand: CommandSpec = {
  name: "rst",
  description: "Render a reStructuredText file (HTML body or pseudo-XML), or run conformance cases",
  configure(cmd) {
    cmd
      .argument("[file]", "the .rst file to render")
      .option("--to <format>", "html or pseudoxml", "html")
      .option("--parser-only", "stop after parsing (no transforms)")
      .option("--standalone", "write a whole HTML page with a small stylesheet")
      .option("--out <file>", "write to this file instead of standard output")
      .option("--cases <file>", "a JSON-lines file of cases ({id, rst, ...})")
      .option("--emit <file>", "with --cases: where to write one JSON line of outputs per case");
  },
  async run(options, args) {
    if (options.cases) {
      if (!options.emit) {
        process.stderr.write("matrix-doc rst: --cases needs --emit OUT.jsonl\n");
        return 2;
      }
      const casesPath = resolve(options.cases as string);
      if (!existsSync(casesPath)) {
        process.stderr.write(`matrix-doc rst: no such file: ${casesPath}\n`);
        return 2;
      }
      const engine = await loadEngine();
      const lines = readCases(casesPath).map((c) => JSON.stringify(runCase(engine, c)));
      writeFileSync(resolve(options.emit as string), lines.join("\n") + "\n");
      return 0;
    }
    const file = args[0];
    if (!file) {
      process.stderr.write("matrix-doc rst: give a FILE, or --cases FILE --emit OUT\n");
      return 2;
    }
    if (options.to !== "html" && options.to !== "pseudoxml") {
      process.stderr.write(`matrix-doc rst: --to must be html or pseudoxml, not "${options.to}"\n`);
      return 2;
    }
    const path = resolve(options.root as string, file);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      process.stderr.write(`matrix-doc rst: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    const rst = await import("../rst/index.ts");
    const messages: Array<{ level: number; line: number | null; text: string }> = [];
    const doc = rst.parse(text, {
      source: file,
      observer: (m) => messages.push({ level: Number(m.get("level")), line: m.line, text: m.children[0]?.astext() ?? "" }),
    });
    if (!options.parserOnly) rst.applyTransforms(doc);
    let output: string;
    if (options.to === "pseudoxml") output = rst.pformat(doc);
    else {
      const body = rst.toHtml(doc);
      output = options.standalone ? standalonePage(body, doc.str("title") ?? file) : body;
    }
    if (options.out) writeFileSync(resolve(options.out as string), output);
    else process.stdout.write(output);
    let worst = 0;
    for (const m of messages) {
      if (m.level < 2) continue;
      worst = Math.max(worst, m.level);
      const names = ["DEBUG", "INFO", "WARNING", "ERROR", "SEVERE"];
      process.stderr.write(`${file}:${m.line ?? "?"}: (${names[m.level]}/${m.level}) ${m.text}\n`);
    }
    return worst >= 2 ? 1 : 0;
  },
};
