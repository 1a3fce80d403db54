// The loaded source files of one spec tree, each read and parsed once, and the
// `$ref`s between them. Every loader (Swagger, event schemas, later the build)
// shares one SourceCache, so a file referenced from twenty places is read,
// parsed and reported on once.
//
// The rules for `$ref` (see ./refs.ts for dereferencing):
// - a reference is resolved relative to the file that holds it (its real path,
//   after symbolic links are followed);
// - URLs (`http:`, `file:`, `//host/...`) are refused and never fetched;
// - a path that leaves the root, or a symbolic link whose target is outside the
//   root, is refused;
// - a missing file or a pointer that names nothing is an error at the `$ref`.
import { realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { DataFile, parseDataFile, type ParseMemo } from "./data-file.ts";
import { childPointer, getByPointer, joinPointer } from "./pointer.ts";
import { decodeUtf8, isDiagnostic, readRegularFile } from "./safe-read.ts";

/** A `$ref` in a file: `pointer` is the object that holds the `$ref` key. */
export interface RefSite {
  file: DataFile;
  pointer: string;
  ref: string;
}

/** What a `$ref` resolves to. */
export interface RefTarget {
  file: DataFile;
  pointer: string;
}

type Where = Pick<Diagnostic, "file" | "line" | "column">;

/** A file inside the root: its path relative to the root (links followed) and its real path. */
interface Placed {
  rel: string;
  real: string;
}

export class SourceCache {
  /** The real path of the root; every loaded file lies beneath it. */
  readonly root: string;
  /** Problems found while loading and resolving, each reported once. */
  readonly diagnostics: Diagnostic[] = [];
  private readonly files = new Map<string, DataFile | null>();
  private readonly refSites = new Map<DataFile, RefSite[]>();
  private readonly targets = new Map<string, RefTarget | null>();
  private readonly broken = new Set<string>();
  private readonly realpaths = new Map<string, string>();
  /** The root with a separator at its end: what the paths beneath it start with. */
  private readonly rootPrefix: string;
  /** Files found inside the root, by lexical path (see `place`). */
  private readonly placed = new Map<string, Placed>();

  constructor(
    root: string,
    /** Earlier parses to reuse (./parse-cache.ts), if any. */
    private readonly memo?: ParseMemo,
  ) {
    this.root = realpathSync(root);
    this.rootPrefix = this.root.endsWith(sep) ? this.root : this.root + sep;
  }

  /** Every file loaded so far, in load order. */
  loadedFiles(): DataFile[] {
    return [...this.files.values()].filter((f): f is DataFile => f !== null);
  }

  /** How many distinct files were read or tried, including those that failed. */
  attemptedFiles(): number {
    return this.files.size;
  }

  /** The path relative to the root, with forward slashes. */
  relativePath(abs: string): string {
    return relative(this.root, abs).split(sep).join("/");
  }

  /**
   * Load the file at `path` (relative to the root, or absolute), follow and check
   * every `$ref` in it, and return it; undefined when it cannot be loaded (the
   * reason is in `diagnostics`). Problems with finding or reading the file are
   * reported at `from` when given (the `$ref` that named it). Data files such as
   * examples are loaded with `followRefs: false`: a `$ref` in them is plain data.
   */
  load(path: string, from?: Where, options: { followRefs?: boolean } = {}): DataFile | undefined {
    const lexical = resolve(this.root, path);
    const placed = this.placed.get(lexical) ?? this.place(lexical, path, from);
    if (!placed) return undefined;
    const { rel, real } = placed;
    const cached = this.files.get(rel);
    if (cached !== undefined) return cached ?? undefined;
    this.files.set(rel, null);

    // Only regular files, within the size limit, valid UTF-8 (./safe-read.ts).
    const bytes = readRegularFile(real, rel, from ?? { file: rel });
    if (isDiagnostic(bytes)) {
      this.report(bytes);
      return undefined;
    }
    const text = decodeUtf8(bytes, rel);
    if (typeof text !== "string") {
      this.report(text);
      return undefined;
    }
    const parsed = parseDataFile(rel, real, text, undefined, this.memo);
    for (const d of parsed.diagnostics) this.report(d);
    if (!parsed.file) return undefined;
    const file = parsed.file;
    this.files.set(rel, file);
    if (options.followRefs === false) return file;
    const sites = this.collectRefSites(file);
    this.refSites.set(file, sites);
    for (const site of sites) this.resolve(site);
    return file;
  }

  /**
   * Where the file at `lexical` really is, once it is found inside the root with
   * its symbolic links followed; else undefined, with the reason reported at
   * `from` (or at the file). A place found is kept: the same file is named by
   * many `$ref`s, and each check costs path computations and a realpath.
   */
  private place(lexical: string, path: string, from?: Where): Placed | undefined {
    const where = () => from ?? { file: this.relativePath(lexical) };
    if (this.beneathRoot(lexical) === undefined) {
      this.report(error("ref-outside-root", `\`${path}\` lies outside the root of the spec tree; it is not read.`, where()));
      return undefined;
    }
    let real: string;
    try {
      real = this.realpaths.get(lexical) ?? realpathSync(lexical);
      this.realpaths.set(lexical, real);
    } catch {
      this.report(error(from ? "ref-missing-file" : "file-missing", `The file \`${this.relativePath(lexical)}\` does not exist.`, where()));
      return undefined;
    }
    const rel = this.beneathRoot(real);
    if (rel === undefined) {
      this.report(
        error(
          "ref-outside-root",
          `\`${this.relativePath(lexical)}\` passes through a symbolic link that leads outside the root (to ${real}); it is not read.`,
          where(),
        ),
      );
      return undefined;
    }
    const placed = { rel, real };
    this.placed.set(lexical, placed);
    return placed;
  }

  /**
   * The path of `abs` relative to the root with forward slashes, or undefined when
   * it is outside the root. `abs` is absolute and normalized (as path.resolve and
   * realpath give it), so a path that starts with the root and a separator is
   * beneath it, without path.relative (which resolves both paths again).
   */
  private beneathRoot(abs: string): string | undefined {
    if (abs.startsWith(this.rootPrefix)) return sep === "/" ? abs.slice(this.rootPrefix.length) : this.relativePath(abs);
    return this.inside(abs) ? this.relativePath(abs) : undefined;
  }

  /** Every `$ref` in a loaded file. */
  sitesOf(file: DataFile): readonly RefSite[] {
    return this.refSites.get(file) ?? [];
  }

  /** The target of a `$ref`, or undefined when it is refused or names nothing (reported once). */
  resolve(site: RefSite): RefTarget | undefined {
    const key = siteKey(site);
    const known = this.targets.get(key);
    if (known !== undefined) return known ?? undefined;
    this.targets.set(key, null);
    const target = this.resolveUncached(site);
    this.targets.set(key, target ?? null);
    if (!target) this.broken.add(key);
    return target;
  }

  /** Whether this `$ref` cannot be followed (refused, missing or closing a cycle). */
  isBroken(site: RefSite): boolean {
    return this.broken.has(siteKey(site));
  }

  /** Mark a `$ref` as closing a cycle: reported once, and no longer followed. */
  markCycle(site: RefSite, chain: string[]): void {
    const key = siteKey(site);
    if (this.broken.has(key)) return;
    this.broken.add(key);
    this.report(
      error("ref-cycle", `This \`$ref\` leads back to itself: ${chain.join(" → ")}.`, {
        ...site.file.locate(joinPointer(site.pointer, "$ref")),
        pointer: site.pointer,
      }),
    );
  }

  report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  private inside(abs: string): boolean {
    const r = relative(this.root, abs);
    return r === "" || (!r.startsWith(".." + sep) && r !== ".." && !isAbsolute(r));
  }

  private resolveUncached(site: RefSite): RefTarget | undefined {
    const where = { ...site.file.locate(joinPointer(site.pointer, "$ref")), pointer: site.pointer };
    const ref = site.ref;
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref) || ref.startsWith("//")) {
      this.report(error("ref-url", `\`$ref\` names the URL \`${ref}\`; only paths inside the spec tree are allowed, and nothing is fetched.`, where));
      return undefined;
    }
    const hash = this.fragmentStart(site, ref);
    const pathPart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? "" : ref.slice(hash + 1);
    let pointer: string;
    try {
      pointer = decodeURIComponent(fragment);
    } catch {
      pointer = fragment;
    }
    if (pointer !== "" && !pointer.startsWith("/")) {
      this.report(error("ref-missing-pointer", `\`$ref\` ends in \`#${fragment}\`, which is not a JSON pointer (it must start with \`#/\`).`, where));
      return undefined;
    }
    let file: DataFile | undefined = site.file;
    if (pathPart !== "") {
      let decoded = pathPart;
      try {
        decoded = decodeURIComponent(pathPart);
      } catch {
        // keep it as written
      }
      if (isAbsolute(decoded)) {
        this.report(error("ref-outside-root", `\`$ref\` names the absolute path \`${decoded}\`; references must be relative to the file.`, where));
        return undefined;
      }
      file = this.load(resolve(dirname(site.file.absPath), decoded), where);
      if (!file) return undefined;
    }
    if (getByPointer(file.value, pointer) === undefined) {
      this.report(error("ref-missing-pointer", `\`$ref\` points at \`${pointer}\` in \`${file.path}\`, which does not exist.`, where));
      return undefined;
    }
    return { file, pointer };
  }

  /**
   * Where the JSON pointer of a `$ref` starts, or -1 when it has none. A `#` in a
   * file name (`m.room.message#m.text`, an event variant) is part of the name when
   * a file of that whole name exists beside the referring file; otherwise the `#`
   * starts a JSON pointer.
   */
  private fragmentStart(site: RefSite, ref: string): number {
    const hash = ref.indexOf("#");
    if (hash <= 0 || ref.startsWith("/", hash + 1)) return hash;
    let decoded = ref;
    try {
      decoded = decodeURIComponent(ref);
    } catch {
      // keep it as written
    }
    const whole = resolve(dirname(site.file.absPath), decoded);
    try {
      if (!isAbsolute(decoded) && statSync(whole).isFile()) return -1;
    } catch {
      // no such file: the `#` starts a pointer
    }
    return hash;
  }

  private collectRefSites(file: DataFile): RefSite[] {
    const sites: RefSite[] = [];
    const walk = (value: unknown, pointer: string) => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, childPointer(pointer, i)));
      } else if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if ("$ref" in obj) {
          if (typeof obj.$ref === "string") sites.push({ file, pointer, ref: obj.$ref });
          else
            this.report(
              error("ref-invalid", "`$ref` must be a string (a relative path and/or `#/json/pointer`).", {
                ...file.locate(joinPointer(pointer, "$ref")),
                pointer,
              }),
            );
        }
        for (const [k, v] of Object.entries(obj)) if (k !== "$ref") walk(v, childPointer(pointer, k));
      }
    };
    walk(file.value, "");
    return sites;
  }
}

export function siteKey(site: { file: DataFile; pointer: string }): string {
  return `${site.file.path}#${site.pointer}`;
}
