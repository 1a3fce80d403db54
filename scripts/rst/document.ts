// The document node and its registries (docutils' nodes.document): ids, names,
// references, footnotes, citations, substitutions, pending transforms.
import { type Element as ElementT, Element, type Node } from "./nodes.ts";
import { fullyNormalizeName, makeId, whitespaceNormalizeName } from "./ids.ts";
import { Reporter } from "./reporter.ts";

export interface Settings {
  /** Prefix for every id (docutils' id_prefix). */
  idPrefix: string;
  /** Prefix for generated ids; "%" means "the element's tag name" (docutils' auto_id_prefix). */
  autoIdPrefix: string;
  /** Tab width used when expanding tabs. */
  tabWidth: number;
  /** Whether `raw` is allowed. */
  rawEnabled: boolean;
  /** Whether `include` is allowed, and the directory it is confined to. */
  fileInsertionEnabled: boolean;
  includeRoot: string | null;
  /** Number the footnote/citation backlinks, show section numbers etc. — writer settings live with the writer. */
  [key: string]: unknown;
}

export const DEFAULT_SETTINGS: Settings = {
  idPrefix: "",
  autoIdPrefix: "%",
  tabWidth: 8,
  rawEnabled: false,
  fileInsertionEnabled: false,
  includeRoot: null,
};

/** Elements whose content model allows body elements such as system_message. */
const BODY_CONTAINERS = new Set([
  "document", "section", "topic", "sidebar", "block_quote", "list_item", "definition", "field_body",
  "description", "footnote", "citation", "entry", "compound", "container", "legend", "header", "footer",
  "system_message", "admonition", "attention", "caution", "danger", "error", "hint", "important", "note",
  "tip", "warning",
]);

export interface PendingEntry {
  node: Element;
  priority: number;
}

/** Marks `name` as a duplicate on `node` (docutils' dupname). */
export function dupname(node: Element, name: string): void {
  node.dupnames.push(name);
  const i = node.names.indexOf(name);
  if (i >= 0) node.names.splice(i, 1);
  node.referenced = true;
}

export class Document extends Element {
  settings: Settings;
  reporter: Reporter;
  /** id → element (docutils' document.ids). */
  idMap = new Map<string, ElementT>();
  /** name → id (null when the name is ambiguous). */
  nameids = new Map<string, string | null>();
  /** name → explicit? */
  nametypes = new Map<string, boolean>();
  refnames = new Map<string, ElementT[]>();
  refids = new Map<string, ElementT[]>();
  indirectTargets: ElementT[] = [];
  substitutionDefs = new Map<string, ElementT>();
  /** fully normalized name → name as defined. */
  substitutionNames = new Map<string, string>();
  footnotes: ElementT[] = [];
  autofootnotes: ElementT[] = [];
  autofootnoteRefs: ElementT[] = [];
  symbolFootnotes: ElementT[] = [];
  symbolFootnoteRefs: ElementT[] = [];
  footnoteRefs = new Map<string, ElementT[]>();
  citations: ElementT[] = [];
  citationRefs = new Map<string, ElementT[]>();
  anonymousTargets: ElementT[] = [];
  anonymousRefs: ElementT[] = [];
  autofootnoteStart = 1;
  symbolFootnoteStart = 0;
  idCounter = new Map<string, number>();
  parseMessages: ElementT[] = [];
  transformMessages: ElementT[] = [];
  pending: PendingEntry[] = [];
  /** The header/footer decoration element, created on demand by the header/footer directives. */
  decoration: ElementT | null = null;

  constructor(sourceName: string, settings: Partial<Settings> = {}) {
    super("document", { source: sourceName });
    // Not a spread: V8 gives `{ ...a, ...b }` one hidden class until the spread is warmed
    // up and another after, so code optimized on the first documents was deoptimized
    // ("wrong map") by the settings of the following ones. Object.assign keeps one class.
    this.settings = Object.assign({}, DEFAULT_SETTINGS, settings);
    this.reporter = new Reporter(sourceName);
    this.source = sourceName;
  }

  /** Assigns an id to `node` (or registers the ids it has), as docutils' set_id does. */
  setId(node: ElementT, msgnode: ElementT | null = null, suggestedPrefix = ""): string {
    if (node.ids.length) {
      let last = "";
      for (const id of node.ids) {
        last = id;
        if (!this.idMap.has(id)) this.idMap.set(id, node);
        if (this.idMap.get(id) !== node) {
          const msg = this.reporter.severe(`Duplicate ID: "${id}".`);
          if (msgnode) msgnode.append(msg);
        }
      }
      return last;
    }
    const idPrefix = this.settings.idPrefix;
    const autoIdPrefix = this.settings.autoIdPrefix;
    let baseId = "";
    let id = "";
    let found = false;
    for (const name of node.names) {
      baseId = idPrefix ? makeId(idPrefix + name) : makeId(name);
      id = idPrefix + baseId;
      if (baseId && !this.idMap.has(id)) {
        found = true;
        break;
      }
    }
    if (!found) {
      let prefix: string;
      if (baseId && autoIdPrefix.endsWith("%")) {
        prefix = id + "-";
      } else {
        prefix = idPrefix + autoIdPrefix;
        if (prefix.endsWith("%")) prefix = `${prefix.slice(0, -1)}${suggestedPrefix || tagId(node.tagname)}-`;
      }
      for (;;) {
        const n = (this.idCounter.get(prefix) ?? 0) + 1;
        this.idCounter.set(prefix, n);
        id = `${prefix}${n}`;
        if (!this.idMap.has(id)) break;
      }
    }
    node.ids.push(id);
    this.idMap.set(id, node);
    return id;
  }

  setNameIdMap(node: ElementT, id: string, msgnode: ElementT | null, explicit: boolean): void {
    for (const name of [...node.names]) {
      if (this.nameids.has(name)) this.setDuplicateNameId(node, id, name, msgnode, explicit);
      else {
        this.nameids.set(name, id);
        this.nametypes.set(name, explicit);
      }
    }
  }

  /** A name already in use (docutils 1.0's set_duplicate_name_id). */
  setDuplicateNameId(node: ElementT, id: string, name: string, msgnode: ElementT | null, explicit: boolean): void {
    const oldId = this.nameids.get(name) ?? null;
    const oldExplicit = this.nametypes.get(name) ?? false;
    const oldNode = oldId !== null ? this.idMap.get(oldId) ?? null : null;
    this.nametypes.set(name, oldExplicit || explicit);
    let level = 0;
    let message = "";
    const refname = node.str("refname");
    const refuri = node.str("refuri");
    if (
      oldNode &&
      ((refname !== undefined && refname === oldNode.str("refname")) || (refuri !== undefined && refuri === oldNode.str("refuri")))
    ) {
      level = 1;
      message = `Duplicate name "${name}" for external target "${refuri ?? refname}".`;
      dupname(node, name);
    } else if (explicit) {
      if (oldExplicit) {
        level = 2;
        message = `Duplicate explicit target name: "${name}".`;
        dupname(node, name);
        if (oldNode) dupname(oldNode, name);
        this.nameids.set(name, null);
      } else {
        this.nameids.set(name, id);
        if (oldNode) {
          level = 1;
          message = `Target name overrides implicit target name "${name}".`;
          dupname(oldNode, name);
        }
      }
    } else {
      level = 1;
      message = `Duplicate implicit target name: "${name}".`;
      dupname(node, name);
      if (oldId !== null && !oldExplicit) {
        if (oldNode) dupname(oldNode, name);
        this.nameids.set(name, null);
      }
    }
    if (level) {
      // Targets are not shown in the output: no link back to them.
      const backrefs = node.tagname === "target" ? [] : [id];
      const msg = this.reporter.systemMessage(level, message, [], { backrefs, baseNode: node });
      // Only where a system message is valid; otherwise it is left for the Messages transform.
      if (msgnode && BODY_CONTAINERS.has(msgnode.tagname)) msgnode.append(msg);
    }
  }

  hasName(name: string): boolean {
    return this.nameids.has(name);
  }

  noteImplicitTarget(target: ElementT, msgnode: ElementT | null = null): void {
    const id = this.setId(target, msgnode);
    this.setNameIdMap(target, id, msgnode, false);
  }

  noteExplicitTarget(target: ElementT, msgnode: ElementT | null = null): void {
    const id = this.setId(target, msgnode);
    this.setNameIdMap(target, id, msgnode, true);
  }

  noteRefname(node: ElementT): void {
    const name = node.str("refname")!;
    const list = this.refnames.get(name);
    if (list) list.push(node);
    else this.refnames.set(name, [node]);
  }

  noteRefid(node: ElementT): void {
    const id = node.str("refid")!;
    const list = this.refids.get(id);
    if (list) list.push(node);
    else this.refids.set(id, [node]);
  }

  noteIndirectTarget(target: ElementT): void {
    this.indirectTargets.push(target);
    if (target.names.length) this.noteRefname(target);
  }

  noteAnonymousTarget(target: ElementT): void {
    this.setId(target);
  }

  noteAutofootnote(footnote: ElementT): void {
    this.setId(footnote);
    this.autofootnotes.push(footnote);
  }

  noteAutofootnoteRef(ref: ElementT): void {
    this.setId(ref);
    this.autofootnoteRefs.push(ref);
  }

  noteSymbolFootnote(footnote: ElementT): void {
    this.setId(footnote);
    this.symbolFootnotes.push(footnote);
  }

  noteSymbolFootnoteRef(ref: ElementT): void {
    this.setId(ref);
    this.symbolFootnoteRefs.push(ref);
  }

  noteFootnote(footnote: ElementT): void {
    this.setId(footnote);
    this.footnotes.push(footnote);
  }

  noteFootnoteRef(ref: ElementT): void {
    this.setId(ref);
    const name = ref.str("refname")!;
    const list = this.footnoteRefs.get(name);
    if (list) list.push(ref);
    else this.footnoteRefs.set(name, [ref]);
    this.noteRefname(ref);
  }

  noteCitation(citation: ElementT): void {
    this.citations.push(citation);
  }

  noteCitationRef(ref: ElementT): void {
    this.setId(ref);
    const name = ref.str("refname")!;
    const list = this.citationRefs.get(name);
    if (list) list.push(ref);
    else this.citationRefs.set(name, [ref]);
    this.noteRefname(ref);
  }

  noteSubstitutionDef(subdef: ElementT, defName: string, msgnode: ElementT | null = null): void {
    const name = whitespaceNormalizeName(defName);
    const old = this.substitutionDefs.get(name);
    if (old) {
      const msg = this.reporter.error(`Duplicate substitution definition name: "${name}".`, [], { baseNode: subdef });
      if (msgnode) msgnode.append(msg);
      dupname(old, name);
    }
    this.substitutionDefs.set(name, subdef);
    this.substitutionNames.set(fullyNormalizeName(name), name);
  }

  noteSubstitutionRef(subref: ElementT, refname: string): void {
    subref.set("refname", whitespaceNormalizeName(refname));
  }

  notePending(pending: ElementT, priority: number): void {
    this.pending.push({ node: pending, priority });
  }

  noteParseMessage(message: ElementT): void {
    this.parseMessages.push(message);
  }

  noteTransformMessage(message: ElementT): void {
    this.transformMessages.push(message);
  }

  /** Returns (creating if needed) the document's decoration element (docutils' get_decoration). */
  getDecoration(): ElementT {
    if (!this.decoration) {
      this.decoration = new Element("decoration");
      const index = this.firstChildNotIndex("title", "subtitle", "rubric", "meta");
      if (index < 0) this.append(this.decoration);
      else this.insert(index, this.decoration);
    }
    return this.decoration;
  }
}

export type { Node };

/** makeId of a tag name, remembered (ids are given to many nodes of few kinds). */
const TAG_IDS = new Map<string, string>();
function tagId(tagname: string): string {
  let id = TAG_IDS.get(tagname);
  if (id === undefined) TAG_IDS.set(tagname, (id = makeId(tagname)));
  return id;
}
