// Compiled templates kept between runs render what nunjucks renders from the
// text; an edit, a damaged kept file and a template that does not compile are
// all handled as nunjucks alone would.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nunjucks from "nunjucks";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { environment, keepCompiledTemplatesIn, writeCompiledTemplates } from "./compiled-templates.ts";
import { DEFAULT_CACHE_DIR, TEMPLATE_DIR } from "./toolchain-paths.ts";

const dir = mkdtempSync(join(tmpdir(), "compiled-templates-"));
const cache = join(dir, "cache");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => keepCompiledTemplatesIn(DEFAULT_CACHE_DIR));

const OPTIONS = { autoescape: false, trimBlocks: true, lstripBlocks: true, throwOnUndefined: true };
const plain = (root: string) => new nunjucks.Environment(new nunjucks.FileSystemLoader(root, { noCache: true }), OPTIONS);
const ours = (root: string) => environment(root, { noCache: true, ...OPTIONS });
const keptFiles = () => readdirSync(join(cache, "templates")).map((n) => join(cache, "templates", n));

function folder(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
  return root;
}

describe("compiled templates", () => {
  it("render as nunjucks does, from the kept compiled source too", () => {
    keepCompiledTemplatesIn(cache);
    const root = folder("same", {
      "page.njk": '{% import "macros.njk" as m %}{% for r in rows %}{{ m.cell(r.name) }}|{{ r.text | indent(2) }}\n{% endfor %}',
      "macros.njk": "{% macro cell(x) %}<{{ x | upper }}>{% endmacro %}",
    });
    const context = { rows: [{ name: "a", text: "one\ntwo" }, { name: "b", text: "three" }] };
    const expected = plain(root).render("page.njk", context);
    expect(expected).toContain("<A>|one");
    expect(ours(root).render("page.njk", context)).toBe(expected);
    expect(keptFiles()).toHaveLength(2);
    // A new environment (as in the next run) takes the kept source: the same page.
    expect(ours(root).render("page.njk", context)).toBe(expected);
  });

  it("render the repository's templates as nunjucks does", () => {
    keepCompiledTemplatesIn(cache);
    for (const name of readdirSync(TEMPLATE_DIR).filter((n) => n.endsWith(".njk"))) {
      const result = (env: nunjucks.Environment) => {
        try {
          return env.render(name, {});
        } catch (e) {
          return `error: ${(e as Error).message.replace(/\(.*?\)/g, "")}`;
        }
      };
      expect(result(ours(TEMPLATE_DIR)), name).toBe(result(plain(TEMPLATE_DIR)));
    }
  });

  it("are written for every template of a folder under the keys a later run looks up (what build-dist.mjs ships)", () => {
    const root = folder("shipped", { "a.njk": "{{ x | upper }}\n", "b.njk": '{% include "a.njk" %}{{ y }}\n', "notes.txt": "not a template" });
    const shipped = join(dir, "shipped-dist");
    keepCompiledTemplatesIn(cache);
    writeCompiledTemplates(shipped, [ours(root)]);
    const files = readdirSync(join(shipped, "templates"));
    expect(files).toHaveLength(2);
    // A run keeping its templates there finds both, and compiles nothing more.
    keepCompiledTemplatesIn(shipped);
    expect(ours(root).render("b.njk", { x: "q", y: "r" })).toBe(plain(root).render("b.njk", { x: "q", y: "r" }));
    expect(readdirSync(join(shipped, "templates")).sort()).toEqual(files.sort());
  });

  it("render an edited template anew, and compile a damaged kept one again", () => {
    keepCompiledTemplatesIn(cache);
    const root = folder("edited", { "t.njk": "{% for x in xs %}[{{ x | upper }}]{% endfor %} one\n" });
    const env = ours(root);
    expect(env.render("t.njk", { xs: ["a", "b"] })).toBe("[A][B] one\n");
    writeFileSync(join(root, "t.njk"), "{% for x in xs %}<{{ x }}>{% endfor %} two\n");
    expect(env.render("t.njk", { xs: ["a", "b"] })).toBe("<a><b> two\n");

    writeFileSync(join(root, "t.njk"), "{{ greeting }}, {{ name | title }} (damaged)\n");
    ours(root).render("t.njk", { greeting: "x", name: "y" });
    const file = keptFiles().find((p) => readFileSync(p, "utf8").includes("damaged"));
    expect(file).toBeDefined();
    // Cut short, as by a full disk: the next run compiles the template again.
    writeFileSync(file!, readFileSync(file!, "utf8").slice(0, 40));
    expect(ours(root).render("t.njk", { greeting: "Hello", name: "ada" })).toBe("Hello, Ada (damaged)\n");
  });

  it("leave a template that does not compile to nunjucks, which reports it as always", () => {
    keepCompiledTemplatesIn(undefined);
    const root = folder("broken", { "b.njk": "line one\n{% if x %}never closed\n" });
    let expected = "";
    try {
      plain(root).render("b.njk", { x: true });
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).not.toBe("");
    expect(() => ours(root).render("b.njk", { x: true })).toThrow(expected);
  });
});
