// The stages with their results kept between runs (./stage-store.ts), so that
// `check` and `build` redo only what an edit touched. Each result is kept
// under a hash of everything it depends on (./tree-hash.ts), always with the
// toolchain's own code and templates:
//
//   check      the checks of the data files: the data files (every file but
//              the prose: the `.rst` files of the RST folders); the checks of
//              the prose: every file of the tree; within them, the part of
//              each file (a Swagger file, an example, a schema, an unbuilt RST
//              file) on the texts it read (check-units)
//   variables  the data files, the variables asked for, and git's state when
//              a git variable is among them; within it, each rendered template
//              on its context and each Swagger file's endpoint units on the
//              texts they read (variable-parts)
//   api        the data files and the version's facts (the build's merged API
//              descriptions and version.json); within it, each merged
//              description's validation on its text (api-units)
//   search     the page's HTML (its search index)
//   rst, page  the page's templated text and where each line came from (the
//              text holds the variables' values; file insertion is off, so the
//              engine reads no other file), its plan and options, and the day
//   page-last  the last rendering of each page (tree, plan, options, day): when the
//              text changed only inside one section's body, that section is
//              rendered again in it (../../page/incremental-page.ts); a
//              check that parses a whole page renders it too, from the second
//              check of a tree on (page-seen marks the first)
//
// So an edit to the prose re-renders only the pages that hold it (often only
// the section that holds it), and an edit to a schema or an API description
// checks again and re-renders only what reads it. The load and assemble stages
// always run: the others need what they return. A page that uses the `date`
// directive is never kept (its text may carry the time of day). The rst stage
// keeps only its diagnostics: the pipeline reads no more of it (a kept result
// has no doctree); after an edit inside one section it too renders only that
// section, on the page's last rendering.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { MappedText } from "../../diagnostics/line-map.ts";
import type { VariableValue } from "../../assemble/substitute.ts";
import { gitStateKey } from "../../variables/git-version.ts";
import { HighlightMemo } from "../../page/highlight-memo.ts";
import { isRenderingOf, type PageAgain, type PageRendering, renderingOf, renderSectionAgain } from "../../page/incremental-page.ts";
import type { PageInfo } from "../../page/page.ts";
import type { UnitResult } from "../../check/context.ts";
import { KeptUnits } from "../../check/kept-units.ts";
import { KeptValues } from "../../kept-values.ts";
import { keepVariableParts } from "../../variables/kept-parts.ts";
import type { PagePlan } from "../plan.ts";
import { type CheckPart, type RenderOptions, rstOptions, type Stages } from "../stages.ts";
import { StageStore } from "./stage-store.ts";
import { RST_DIRS } from "../../spec-layout.ts";
import { type FileDigest, hashDigests, toolchainHash, treeDigests } from "./tree-hash.ts";

const GIT_VARIABLES = ["git_version", "git_rev"];

function key(...parts: unknown[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(typeof part === "string" ? part : JSON.stringify(part)).update("\0");
  return hash.digest("hex").slice(0, 40);
}

/** The templated text and where each line came from, as the key of a page. */
function textKey(text: MappedText): string[] {
  return [text.text, JSON.stringify(text.origins)];
}

/** A `.rst` file of the RST folders: prose, which only the pages holding it read. */
function isProse(path: string): boolean {
  return path.endsWith(".rst") && RST_DIRS.some((dir) => path.startsWith(`${dir}/`));
}

/** A rendering as the store keeps it: the page's ids and links are found again from its HTML when needed (they are a Set and a Map). */
function storable(rendering: PageRendering): PageRendering {
  return rendering.state ? { ...rendering, state: { ...rendering.state, links: undefined } } : rendering;
}

/** `inner` with the check, variables, rst and page stages kept in `cacheDir` between runs. */
export function memoStages(inner: Stages, cacheDir: string): Stages {
  const store = new StageStore(cacheDir);
  let root = "";
  let files: FileDigest[] | undefined;
  /** The files of the tree, read once per run. */
  const digests = () => (files ??= treeDigests(root));
  const treeKey = () => key(toolchainHash(), hashDigests(digests()));
  const dataKey = () => key(toolchainHash(), hashDigests(digests().filter((f) => !isProse(f.path))));
  const today = () => new Date().toISOString().slice(0, 10) + (process.env.SOURCE_DATE_EPOCH ?? "");
  const uses = (text: MappedText, directive: string) => new RegExp(`\\b${directive}::`).test(text.text);

  /** The values kept in one entry of the store (../../kept-values.ts), and putting them back when a run changed them. */
  const keptEntry = <T>(stage: string, ...parts: unknown[]) => {
    const k = key(stage, toolchainHash(), ...parts);
    return {
      before: new Map(store.get<[string, T][]>(stage, k) ?? []),
      save: (kept: KeptValues<T>) => kept.changed && store.set(stage, k, [...kept.next()]),
    };
  };
  /** The key of the last rendering of a page of this tree (../../page/incremental-page.ts), whatever its text. */
  const lastPageKey = (plan: PagePlan, options: RenderOptions) => key("page-last", toolchainHash(), root, plan, options, today());
  /** The check stage's diagnostics in this run. */
  let checked: Diagnostic[] = [];
  /**
   * The variables stage reports the problems of loading the files it reads
   * that no stage before it reported. When the check stage's result was kept,
   * the check did not read them in this run, so they are left out here when
   * the check already reported them.
   */
  const withoutLoadRepeats = (diagnostics: Diagnostic[], loading: readonly Diagnostic[]) => {
    const reported = new Set(checked.map((d) => JSON.stringify(d)));
    const fromLoading = new Set(loading);
    return diagnostics.filter((d) => !(fromLoading.has(d) && reported.has(JSON.stringify(d))));
  };

  function memo<T>(stage: string, k: string | undefined, compute: () => T): T {
    if (k === undefined) return compute();
    const kept = store.get<T>(stage, k);
    if (kept !== undefined) return kept;
    const value = compute();
    store.set(stage, k, value);
    return value;
  }

  const stages: Stages = {
    load(r) {
      const sources = inner.load(r);
      root = sources.root;
      files = undefined;
      return sources;
    },
    check(sources, counts) {
      // The checks of the data files, kept across edits of the prose; those of the prose.
      const part = (name: CheckPart, k: string) =>
        memo(`check-${name}`, key("check", name, k), () => {
          const c = { examples: 0 };
          // Within a part, each file's checks are kept too (../../check/kept-units.ts), in one entry.
          const entry = keptEntry<UnitResult>("check-units", name);
          const units = new KeptUnits(entry.before);
          const diagnostics = inner.check(sources, c, name, units);
          entry.save(units);
          return { diagnostics, examples: c.examples };
        });
      const data = part("data", dataKey());
      const prose = part("prose", treeKey());
      counts.examples += data.examples + prose.examples;
      checked = [...data.diagnostics, ...prose.diagnostics];
      return checked;
    },
    assemble: inner.assemble,
    variables(sources, options) {
      const needed = [...options.needed].sort();
      const git = needed.some((n) => GIT_VARIABLES.includes(n)) ? gitStateKey(root) : "";
      const k = key("variables", dataKey(), needed, [...options.usedNames].sort(), options.relative, git);
      const kept = memo("variables", k, () => {
        // Within the stage, its parts are kept (../../variables/kept-parts.ts).
        const entry = keptEntry<unknown>("variable-parts");
        const parts = new KeptValues(entry.before);
        keepVariableParts(parts);
        let v: ReturnType<Stages["variables"]>;
        try {
          v = inner.variables(sources, options);
        } finally {
          keepVariableParts(undefined);
        }
        entry.save(parts);
        return { variables: [...v.variables], diagnostics: withoutLoadRepeats(v.diagnostics, sources.cache.diagnostics) };
      });
      return { variables: new Map<string, VariableValue>(kept.variables), diagnostics: kept.diagnostics };
    },
    rst(plan, text, options) {
      if (uses(text, "date")) return inner.rst(plan, text, options);
      const k = key("rst", toolchainHash(), plan, ...textKey(text), options, today());
      const kept = store.get<{ diagnostics: Diagnostic[] }>("rst", k);
      if (kept) return { document: undefined, diagnostics: kept.diagnostics };
      const last = store.get<PageRendering>("page-last", lastPageKey(plan, options));
      // The page's facts are those of the last rendering; with none, any will do
      // (a build renders the page again with its own, and keeps that rendering).
      const [lastInfo] = last ? (JSON.parse(last.context) as [PageInfo]) : [];
      const info: PageInfo = lastInfo ?? { file: plan.file, version: "", gitRev: "", nav: [] };
      const context = { file: plan.file, info, options: rstOptions(plan, options), titleStyles: options.titleStyles, highlight: new HighlightMemo() };
      // A page rendered without a problem, edited inside one section's body:
      // when that section alone, in the skeleton of the rest, makes the whole
      // page's rendering, the page has no problem either.
      const again = last?.state ? renderSectionAgain(last, text, context) : undefined;
      if (again && "rendering" in again) {
        store.set("rst", k, { diagnostics: [] });
        if (again.rendering !== last) store.set("page-last", lastPageKey(plan, options), storable(again.rendering));
        return { document: undefined, diagnostics: [] };
      }
      const r = inner.rst(plan, text, options);
      store.set("rst", k, { diagnostics: r.diagnostics });
      // The page made from the parsed text becomes the last rendering, so that
      // the next edit inside one section is checked by that section alone,
      // even with no build between. Not on the first check of a tree (one
      // check on a fresh clone would pay for it and never use it): that one
      // only leaves a mark.
      const seen = last !== undefined || store.get<boolean>("page-seen", lastPageKey(plan, options)) === true;
      if (!seen) store.set("page-seen", lastPageKey(plan, options), true);
      if (!seen || !r.document || r.diagnostics.length) return r;
      const rendering = renderingOf(r.document, r.diagnostics, text, context);
      if (rendering.state) store.set("page-last", lastPageKey(plan, options), storable(rendering));
      // The page stage changed the doctree: it is no longer the rst stage's.
      return { document: undefined, diagnostics: r.diagnostics };
    },
    page(plan, text, info, options) {
      if (uses(text, "date")) return inner.page(plan, text, info, options);
      const k = key("page", toolchainHash(), plan, ...textKey(text), info, options, today());
      const kept = store.get<PageAgain>("page", k);
      if (kept) return kept;
      // The last rendering of this page, whatever its text: when the text
      // changed inside one section's body, that section is rendered again in it.
      const last = store.get<PageRendering>("page-last", lastPageKey(plan, options));
      if (last && isRenderingOf(last, text, { file: plan.file, info, options: rstOptions(plan, options), titleStyles: options.titleStyles, highlight: new HighlightMemo() })) return { rendering: last };
      const again = inner.page(plan, text, info, options, last);
      // A page without problems is the last rendering, which the next run finds
      // (as it is when the text is the same); one with problems is kept by its text.
      if (!again.rendering.state) store.set("page", k, { rendering: again.rendering });
      else if (again.rendering !== last) store.set("page-last", lastPageKey(plan, options), storable(again.rendering));
      return again;
    },
  };
  const searchIndex = inner.searchIndex;
  if (searchIndex) stages.searchIndex = (html) => memo("search", key("search", toolchainHash(), html), () => searchIndex(html));
  const api = inner.api;
  if (api) {
    stages.api = async (sources, info) => {
      const k = key("api", dataKey(), info);
      const kept = store.get<{ files: [string, string][]; diagnostics: Diagnostic[] }>("api", k);
      if (kept) return { files: new Map(kept.files), diagnostics: kept.diagnostics };
      // Each merged description's validation is kept under its text.
      const entry = keptEntry<UnitResult>("api-units");
      const units = new KeptUnits(entry.before);
      const extras = await api(sources, info, units);
      entry.save(units);
      store.set("api", k, { files: [...extras.files], diagnostics: extras.diagnostics });
      return extras;
    };
  }
  return stages;
}
