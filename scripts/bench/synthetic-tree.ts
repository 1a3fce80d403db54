// A synthetic spec tree N times the size of a real one, for `matrix-doc bench`.
// The real tree is copied, then N-1 copies of its main target are added:
//   - every Swagger file `api/client-server/<v>/<name>.yaml` gets a copy
//     `<name>-cK.yaml` whose paths start with `/cK`, so its endpoints are new;
//   - every RST file of the main target gets a copy under `specification/copies/cK/`
//     in which every title, explicit target name and reference name ends in ` cK`
//     (so that names stay unique in the joined document), the `*_http_api`
//     variables name the copied Swagger files, and the other block variables
//     (events, field tables, the changelog) are left out, since each event is
//     documented once;
//   - the main target lists the copies after the original files.
// The result builds without errors when the real tree does.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import YAML from "yaml";
import { splitSourceLines } from "../assemble/assemble.ts";
import { loadTargets, resolveTarget } from "../sources/targets.ts";
import { findTitles } from "../assemble/titles.ts";
import { listFiles } from "../spec-layout.ts";

/** What the copy of a real tree holds (the folders and files the build reads). */
export const TREE_ENTRIES = ["api", "event-schemas", "specification", "supporting-docs", "drafts", "CHANGELOG.rst"];

const API_DIRS = ["api/client-server/v1", "api/client-server/v2_alpha"];

/** Copies a Swagger file with every path prefixed by `/<tag>`, every operationId suffixed with `_<tag>` (they are unique within an API), and `x-alias` links to the new sections. */
export function copySwagger(text: string, tag: string): string {
  const doc = YAML.parseDocument(text);
  const paths = doc.get("paths");
  const basePath = String(doc.get("basePath") ?? "");
  const baseSlug = basePath.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  if (YAML.isMap(paths)) {
    for (const pair of paths.items) {
      if (YAML.isScalar(pair.key) && typeof pair.key.value === "string") pair.key.value = `/${tag}${pair.key.value}`;
    }
  }
  YAML.visit(doc, {
    Pair(_key, pair) {
      if (YAML.isScalar(pair.key) && pair.key.value === "operationId" && YAML.isScalar(pair.value) && typeof pair.value.value === "string") {
        pair.value.value = `${pair.value.value}_${tag}`;
      }
      if (YAML.isScalar(pair.key) && pair.key.value === "canonical-link" && YAML.isScalar(pair.value) && typeof pair.value.value === "string") {
        pair.value.value = pair.value.value.replace(new RegExp(`^([a-z]+-${baseSlug})-`), `$1-${tag}-`);
      }
    },
  });
  return String(doc);
}

const SCALAR_VARIABLES = new Set(["spec_version", "git_rev", "git_version"]);

/** One RST file made unique for copy `tag`: titles, target names and reference names get the suffix ` <tag>`. */
export function copyRst(text: string, tag: string): string {
  const suffix = ` ${tag}`;
  const lines = splitSourceLines(text);
  for (const t of findTitles(lines)) {
    const titleIndex = t.underline - 1;
    lines[titleIndex] = lines[titleIndex].trimEnd() + suffix;
    const width = [...lines[titleIndex]].length;
    lines[t.underline] = t.char.repeat(Math.max(width, lines[t.underline].trimEnd().length));
    if (t.overline !== undefined) lines[t.overline] = lines[t.underline];
  }
  return lines
    .map((line) => {
      // Explicit targets: `.. _name:` (not anonymous `.. __:`).
      let out = line.replace(/^(\s*\.\. _)(?!_)(`[^`]+`|[^:`]+):/, (_m, start: string, name: string) =>
        name.startsWith("`") ? `${start}\`${name.slice(1, -1)}${suffix}\`:` : `${start}${name}${suffix}:`,
      );
      // Template variables: the copied Swagger files, or nothing.
      out = out.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
        if (SCALAR_VARIABLES.has(name)) return whole;
        const api = /^(v2_)?(\w+)_http_api$/.exec(name);
        if (api) return `{{ ${api[1] ?? ""}${api[2]}_${tag}_http_api }}`;
        return "";
      });
      // References, outside inline literals.
      return out
        .split(/(``[^`]*``)/)
        .map((part, i) => {
          if (i % 2 === 1) return part;
          return part
            .replace(/<([^<>`]+)_>`/g, (_m, name: string) => `<${name}${suffix}_>\``)
            .replace(/`([^`<>]+)`_(?!_)/g, (_m, name: string) => `\`${name}${suffix}\`_`)
            .replace(/(^|[\s(])([A-Za-z0-9][\w-]*)_(?=[\s.,;:)]|$)/g, (_m, before: string, name: string) => `${before}\`${name}${suffix}\`_`);
        })
        .join("");
    })
    .join("\n") + "\n";
}

export interface SyntheticTree {
  root: string;
  copies: number;
  rstFiles: number;
  swaggerFiles: number;
}

/** Writes a tree `scale` times the size of the one at `source` into `dest` (which must not hold a tree yet). */
export function generateSyntheticTree(source: string, dest: string, scale: number): SyntheticTree {
  mkdirSync(dest, { recursive: true });
  for (const entry of TREE_ENTRIES) {
    try {
      cpSync(join(source, entry), join(dest, entry), { recursive: true, verbatimSymlinks: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  const { config, diagnostics } = loadTargets(dest);
  if (!config) throw new Error(`cannot read specification/targets.yaml: ${diagnostics.map((d) => d.message).join("; ")}`);
  const { files } = resolveTarget(config, "main");
  const swaggers = API_DIRS.flatMap((dir) => listFiles(dest, dir).filter((p) => /\.ya?ml$/.test(p)));
  const targetFiles: { path: string; depth: number }[] = [...files];
  for (let k = 2; k <= scale; k++) {
    const tag = `c${k}`;
    for (const path of swaggers) {
      writeFileSync(join(dest, path.replace(/\.(ya?ml)$/, `-${tag}.$1`)), copySwagger(readFileSync(join(dest, path), "utf8"), tag));
    }
    for (const f of files) {
      const rel = f.path.replace(/^specification\//, "");
      const copy = `specification/copies/${tag}/${rel}`;
      mkdirSync(dirname(join(dest, copy)), { recursive: true });
      writeFileSync(join(dest, copy), copyRst(readFileSync(join(dest, f.path), "utf8"), tag));
      targetFiles.push({ path: copy, depth: f.depth });
    }
  }
  const targets = (config.file.value ?? {}) as Record<string, unknown>;
  const yaml = {
    ...targets,
    targets: { main: { files: targetFiles.map((f) => (f.depth ? { [f.depth]: f.path.replace(/^specification\//, "") } : f.path.replace(/^specification\//, ""))) } },
  };
  writeFileSync(join(dest, "specification/targets.yaml"), YAML.stringify(yaml));
  return { root: dest, copies: scale, rstFiles: targetFiles.length, swaggerFiles: swaggers.length * scale };
}
