// Reads docutils' pseudo-XML (Node.pformat() output) back into a Document, and
// rebuilds the Document's registries the way the parser would have filled them.
// This lets the transforms and the writer be tested on docutils' own parser output,
// independently of our parser.
//
// What pseudo-XML does not carry, and so this reader cannot restore:
// - NUL escape markers in Text (backslash-escaped characters): text comes back unescaped;
// - `rawsource` of elements: references, footnote/citation/substitution references and
//   substitution definitions get a reconstruction (see `guessRawsource`), others get "";
// - `line`/`source` of nodes (messages a transform makes may then lack a line); callers
//   can set them afterwards (the conformance script recovers some from the input text);
// - the boundaries between adjacent Text nodes (consecutive text lines become one node);
// - text lines that start with 4 or more spaces right after an inline element's content
//   are attached to that inline element (indentation is the only structure pseudo-XML has).
import { Document } from "../document.ts";
import { type AttrValue, Element, LIST_ATTRIBUTES, type Node, Text } from "../nodes.ts";
import { fullyNormalizeName } from "../ids.ts";
import { PENDING_PRIORITIES } from "../transforms/priorities.ts";

/** docutils' node class names (the tag names the reader recognizes as elements). */
export const KNOWN_TAGS = new Set([
  "abbreviation", "acronym", "address", "admonition", "attention", "attribution", "author",
  "authors", "block_quote", "bullet_list", "caption", "caution", "citation", "citation_reference",
  "classifier", "colspec", "comment", "compound", "contact", "container", "copyright", "danger",
  "date", "decoration", "definition", "definition_list", "definition_list_item", "description",
  "docinfo", "doctest_block", "document", "emphasis", "entry", "enumerated_list", "error",
  "field", "field_body", "field_list", "field_name", "figure", "footer", "footnote",
  "footnote_reference", "generated", "header", "hint", "image", "important", "inline", "label",
  "legend", "line", "line_block", "list_item", "literal", "literal_block", "math", "math_block",
  "meta", "note", "option", "option_argument", "option_group", "option_list", "option_list_item",
  "option_string", "organization", "paragraph", "pending", "problematic", "raw", "reference",
  "revision", "row", "rubric", "section", "sidebar", "status", "strong", "subscript",
  "substitution_definition", "substitution_reference", "subtitle", "superscript",
  "system_message", "table", "target", "tbody", "term", "tgroup", "thead", "tip", "title",
  "title_reference", "topic", "transition", "version", "warning", "seealso", "todo",
]);

/** Attributes docutils stores as integers (or booleans printed as 1/0). */
const INT_ATTRIBUTES = new Set([
  "level", "line", "start", "morerows", "morecols", "colwidth", "anonymous", "auto", "stub",
  "scale", "cols", "ltrim", "rtrim", "trim",
]);

export interface ReadOptions {
  /** The reStructuredText the pseudo-XML came from; used to reconstruct `rawsource`s. */
  rst?: string;
}

interface Open {
  node: Element;
  indent: number;
}

const TAG_RE = /^<([a-z_][a-z0-9_]*)((?: .*)?)>$/;

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === " ") i++;
  return i;
}

/** Splits a list attribute value on unescaped spaces, undoing docutils' serial_escape. */
export function splitListValue(value: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && i + 1 < value.length) {
      cur += value[++i];
    } else if (c === " ") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.filter((v) => v !== "");
}

/**
 * Parses ` a="x" b="y z"` into pairs. Values are not escaped in pseudo-XML, so a value
 * ends at the first `"` that is followed by ` name="` or by the end of the tag.
 */
export function parseAttributes(rest: string): Array<[string, string]> | null {
  const out: Array<[string, string]> = [];
  let pos = 0;
  const nameRe = /^ ([A-Za-z_:][\w:.-]*)="/;
  while (pos < rest.length) {
    const m = nameRe.exec(rest.slice(pos));
    if (!m) return null;
    const name = m[1];
    let i = pos + m[0].length;
    let end = -1;
    for (;;) {
      const q = rest.indexOf('"', i);
      if (q < 0) break;
      if (q === rest.length - 1 || nameRe.test(rest.slice(q + 1, q + 1 + 80) + "")) {
        end = q;
        break;
      }
      i = q + 1;
    }
    if (end < 0) return null;
    out.push([name, rest.slice(pos + m[0].length, end)]);
    pos = end + 1;
  }
  return out;
}

function convertValue(name: string, value: string): AttrValue {
  if ((LIST_ATTRIBUTES as readonly string[]).includes(name)) return splitListValue(value);
  if (INT_ATTRIBUTES.has(name) && /^-?\d+$/.test(value)) return Number(value);
  if (name === "colwidth" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** Parses a Python literal as pformat prints pending details: None, True/False, ints, strings, lists. */
export function parsePyLiteral(s: string): unknown {
  let pos = 0;
  const ws = () => {
    while (pos < s.length && s[pos] === " ") pos++;
  };
  const value = (): unknown => {
    ws();
    const c = s[pos];
    if (c === "[" || c === "(") {
      const close = c === "[" ? "]" : ")";
      pos++;
      const items: unknown[] = [];
      ws();
      while (pos < s.length && s[pos] !== close) {
        items.push(value());
        ws();
        if (s[pos] === ",") pos++;
        ws();
      }
      pos++;
      return items;
    }
    if (c === "{") {
      pos++;
      const obj: Record<string, unknown> = {};
      ws();
      while (pos < s.length && s[pos] !== "}") {
        const k = value();
        ws();
        if (s[pos] === ":") pos++;
        obj[String(k)] = value();
        ws();
        if (s[pos] === ",") pos++;
        ws();
      }
      pos++;
      return obj;
    }
    if (c === "'" || c === '"') {
      pos++;
      let out = "";
      while (pos < s.length && s[pos] !== c) {
        if (s[pos] === "\\") {
          const n = s[pos + 1];
          pos += 2;
          if (n === "n") out += "\n";
          else if (n === "t") out += "\t";
          else if (n === "r") out += "\r";
          else if (n === "x") {
            out += String.fromCharCode(parseInt(s.slice(pos, pos + 2), 16));
            pos += 2;
          } else if (n === "u") {
            out += String.fromCharCode(parseInt(s.slice(pos, pos + 4), 16));
            pos += 4;
          } else out += n;
        } else out += s[pos++];
      }
      pos++;
      return out;
    }
    const m = /^[^,\])}:]+/.exec(s.slice(pos));
    const word = m ? m[0].trim() : "";
    pos += m ? m[0].length : 1;
    if (word === "None") return null;
    if (word === "True") return true;
    if (word === "False") return false;
    if (/^-?\d+$/.test(word)) return Number(word);
    if (/^-?\d*\.\d+$/.test(word)) return Number(word);
    return word;
  };
  return value();
}

/** Reads pseudo-XML into a Document with rebuilt registries. */
export function readPseudoXml(pseudoXml: string, options: ReadOptions = {}): Document {
  const lines = pseudoXml.split("\n");
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  let first = 0;
  while (first < lines.length && lines[first].trim() === "") first++;
  const head = TAG_RE.exec(lines[first] ?? "");
  if (!head || head[1] !== "document") throw new Error("pseudo-XML must start with <document ...>");
  const docAttrs = parseAttributes(head[2]) ?? [];
  const source = docAttrs.find(([k]) => k === "source")?.[1] ?? "<string>";
  const document = new Document(source);
  for (const [k, v] of docAttrs) document.attributes[k] = convertValue(k, v);

  const stack: Open[] = [{ node: document, indent: 0 }];
  // The text node being filled, and the element it belongs to.
  let textNode: Text | null = null;
  let textParent: Element | null = null;
  let pendingBlanks: string[] = [];

  // Lines of each Text node; a Text whose last line is blank needs a final "\n"
  // for splitlines() to print that line again.
  const textLines = new Map<Text, string[]>();

  for (let li = first + 1; li < lines.length; li++) {
    const line = lines[li];
    const indent = indentOf(line);
    const body = line.slice(indent);
    if (line === "") {
      // A blank line without its indentation: part of the current text if more text follows.
      pendingBlanks.push(line);
      continue;
    }
    // `.. internal attributes:` of a pending node
    if (body === ".. internal attributes:") {
      while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
      const top = stack[stack.length - 1].node;
      if (top.tagname === "pending") {
        li = readPendingInternals(lines, li, indent, top);
        textNode = null;
        pendingBlanks = [];
        continue;
      }
    }
    const m = body === "" ? null : TAG_RE.exec(body);
    const attrs = m && KNOWN_TAGS.has(m[1]) ? parseAttributes(m[2]) : null;
    if (m && attrs && indent % 4 === 0 && indent >= 4) {
      while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
      const parent = stack[stack.length - 1].node;
      const node = new Element(m[1]);
      for (const [k, v] of attrs) node.attributes[k] = convertValue(k, v);
      parent.append(node);
      stack.push({ node, indent });
      textNode = null;
      pendingBlanks = [];
      continue;
    }
    // Text (a whitespace-only line keeps its indentation, so it is text of the element
    // whose content starts there): belongs to the innermost open element whose content
    // indentation it reaches.
    while (stack.length > 1 && indent < stack[stack.length - 1].indent + 4) stack.pop();
    const open = stack[stack.length - 1];
    const content = line.slice(open.indent + 4);
    if (textNode && textParent === open.node && open.node.last() === textNode) {
      const tl = textLines.get(textNode)!;
      for (const b of pendingBlanks) tl.push(b.slice(open.indent + 4));
      tl.push(content);
    } else {
      textNode = new Text("");
      textLines.set(textNode, [content]);
      textParent = open.node;
      open.node.append(textNode);
    }
    pendingBlanks = [];
  }
  for (const [t, tl] of textLines) t.data = tl.join("\n") + (tl[tl.length - 1] === "" ? "\n" : "");
  rebuildRegistries(document);
  if (options.rst !== undefined) guessRawsources(document, options.rst);
  return document;
}

/** Reads the lines after `.. internal attributes:`; returns the index of the last line consumed. */
function readPendingInternals(lines: string[], start: number, indent: number, pending: Element): number {
  let li = start + 1;
  const details: Record<string, unknown> = {};
  let keyIndent = -1;
  while (li < lines.length) {
    const line = lines[li];
    const ind = indentOf(line);
    if (line.trim() !== "" && ind <= indent) break;
    const body = line.slice(ind);
    if (body.startsWith(".transform: ")) pending.transform = body.slice(".transform: ".length).trim();
    else if (body.startsWith(".transform:")) pending.transform = "";
    else if (body.startsWith(".details:")) keyIndent = -1;
    else if (body.trim() !== "") {
      if (keyIndent < 0) keyIndent = ind;
      if (ind === keyIndent) {
        const colon = body.indexOf(":");
        const key = body.slice(0, colon);
        const rest = body.slice(colon + 1).trim();
        if (rest === "") {
          // A node value: pformat lines indented below the key.
          const sub: string[] = [];
          while (li + 1 < lines.length && (lines[li + 1].trim() === "" || indentOf(lines[li + 1]) > keyIndent)) {
            sub.push(lines[++li].slice(keyIndent + 2));
          }
          const wrapper = readPseudoXml(["<document source=\"\">", ...sub.map((l) => "    " + l)].join("\n"));
          const nodes = wrapper.clearChildren();
          details[key] = nodes.length === 1 ? nodes[0] : nodes;
        } else details[key] = parsePyLiteral(rest);
      }
    }
    li++;
  }
  pending.details = details;
  return li - 1;
}

/** Registers ids, names, references, footnotes, substitutions, pending nodes as the parser would. */
export function rebuildRegistries(document: Document): void {
  const aliasTargetsDone = new Set<Element>();
  const nameHolders = new Map<string, Array<{ node: Element; held: boolean; explicit: boolean }>>();
  for (const n of document.traverse()) {
    if (!(n instanceof Element) || n === document) continue;
    for (const id of n.ids) if (!document.idMap.has(id)) document.idMap.set(id, n);
    const tag = n.tagname;
    // Whether this element held (one of) its duplicate names when the parser noted it:
    // only the first holder of a name loses it later, the others lose it at once.
    const heldAtParse = n.names.length > 0 || n.dupnames.some((d) => !nameHolders.has(d));
    if (tag !== "substitution_definition" && tag !== "system_message" && n.ids.length) {
      const explicit = tag !== "section";
      for (const [list, held] of [[n.names, true], [n.dupnames, false]] as const) {
        for (const name of list) {
          const h = nameHolders.get(name) ?? [];
          h.push({ node: n, held, explicit });
          nameHolders.set(name, h);
        }
      }
    }
    switch (tag) {
      case "target":
        if (aliasTargetsDone.has(n)) break;
        if (n.has("refname")) {
          document.indirectTargets.push(n);
          if (heldAtParse) document.noteRefname(n);
        }
        if (n.get("anonymous")) document.anonymousTargets.push(n);
        break;
      case "reference": {
        // An embedded alias (`text <alias_>`_): the parser registers the target it makes
        // after the reference before the reference itself.
        const next = n.nextSibling();
        if (next instanceof Element && next.tagname === "target" && next.has("refname") && n.parent && TEXT_PARENTS.has(n.parent.tagname)) {
          document.indirectTargets.push(next);
          if (next.names.length) document.noteRefname(next);
          aliasTargetsDone.add(next);
        }
        if (n.has("refname")) document.noteRefname(n);
        if (n.get("anonymous")) document.anonymousRefs.push(n);
        break;
      }
      case "footnote":
        if (n.get("auto") === 1) document.autofootnotes.push(n);
        else if (n.get("auto") === "*") document.symbolFootnotes.push(n);
        else document.footnotes.push(n);
        break;
      case "footnote_reference": {
        if (n.get("auto") === 1) document.autofootnoteRefs.push(n);
        else if (n.get("auto") === "*") document.symbolFootnoteRefs.push(n);
        const name = n.str("refname");
        if (name !== undefined) {
          const list = document.footnoteRefs.get(name) ?? [];
          list.push(n);
          document.footnoteRefs.set(name, list);
          document.noteRefname(n);
        }
        break;
      }
      case "citation":
        document.citations.push(n);
        break;
      case "citation_reference": {
        const name = n.str("refname");
        if (name !== undefined) {
          const list = document.citationRefs.get(name) ?? [];
          list.push(n);
          document.citationRefs.set(name, list);
          document.noteRefname(n);
        }
        break;
      }
      case "substitution_definition": {
        const name = n.names[0] ?? n.dupnames[0];
        if (name !== undefined) {
          document.substitutionDefs.set(name, n);
          document.substitutionNames.set(fullyNormalizeName(name), name);
        }
        break;
      }
      case "decoration":
        if (n.parent === document) document.decoration = n;
        break;
      case "pending":
        document.notePending(n, PENDING_PRIORITIES[n.transform ?? ""] ?? 500);
        break;
    }
  }
  for (const [name, holders] of nameHolders) {
    const held = holders.find((h) => h.held);
    document.nameids.set(name, held ? held.node.ids[0] : null);
    document.nametypes.set(name, holders.some((h) => h.explicit));
  }
}

/** Reconstructs `rawsource` of references, targets and substitution definitions from the input text. */
function guessRawsources(document: Document, rst: string): void {
  const phrases = phraseReferences(rst);
  const cursor = { pos: 0 };
  for (const n of document.traverse()) {
    if (!(n instanceof Element)) continue;
    n.rawsource = guessRawsource(n, rst, phrases, cursor);
  }
}

interface Phrase {
  raw: string;
  /** Offset of the phrase in the input. */
  start: number;
  /** The phrase text without an embedded `<...>` part, unescaped and whitespace-normalized. */
  text: string;
  /** The embedded alias or URI, normalized. */
  embedded: string;
  /** The `<...>` part with the whitespace before it, as written (the inline target's rawsource). */
  embeddedRaw: string;
  used: boolean;
}

const norm = (s: string) => s.replace(/\\(.)/gs, "$1").replace(/\s+/g, " ").trim();

/** Every `phrase`_ and `phrase`__ in the input, in order (a scanner: backslash escapes respected). */
function phraseReferences(rst: string): Phrase[] {
  const out: Phrase[] = [];
  let i = 0;
  while (i < rst.length) {
    const open = rst.indexOf("`", i);
    if (open < 0) break;
    if (rst[open - 1] === "\\" || rst[open + 1] === "`") {
      i = open + (rst[open + 1] === "`" ? 2 : 1);
      continue;
    }
    let j = open + 1;
    while (j < rst.length && !(rst[j] === "`" && rst[j - 1] !== "\\")) j++;
    if (j >= rst.length) break;
    if (rst[j + 1] === "_") {
      const us = rst[j + 2] === "_" ? "__" : "_";
      const inner = rst.slice(open + 1, j);
      const lt = inner.lastIndexOf("<");
      const hasEmbedded = inner.endsWith(">") && lt >= 0 && (lt === 0 || /\s/.test(inner[lt - 1])) && inner[lt - 1] !== "\\";
      const text = hasEmbedded ? inner.slice(0, lt) : inner;
      const embedded = hasEmbedded ? inner.slice(lt + 1, -1) : "";
      let ws = lt;
      while (hasEmbedded && ws > 0 && /\s/.test(inner[ws - 1])) ws--;
      out.push({
        raw: rst.slice(open, j + 1 + us.length),
        start: open,
        text: norm(text),
        embedded: norm(embedded),
        embeddedRaw: hasEmbedded ? inner.slice(ws) : "",
        used: false,
      });
      i = j + 1 + us.length;
    } else i = j + 1;
  }
  return out;
}

const embeddedTargetRaw = new WeakMap<Element, string>();

/** Offset of `word_` (or `word__`) standing alone at or after `from`, or -1. */
function findBare(rst: string, token: string, from: number): number {
  let i = rst.indexOf(token, from);
  while (i >= 0) {
    const before = rst[i - 1] ?? " ";
    const after = rst[i + token.length] ?? " ";
    if (!/[\w`]/u.test(before) && after !== "_" && !/\w/u.test(after)) return i;
    i = rst.indexOf(token, i + 1);
  }
  return -1;
}

function guessRawsource(n: Element, rst: string, phrases: Phrase[], cursor?: { pos: number }): string {
  const text = n.astext();
  switch (n.tagname) {
    case "reference": {
      const us = n.get("anonymous") ? "__" : "_";
      const only = n.children.length === 1 ? n.children[0] : null;
      if (only instanceof Element && only.tagname === "substitution_reference") return `|${only.astext()}|${us}`;
      if (text === "") return "";
      const t = norm(text);
      const refname = n.str("refname") ?? "";
      const phrase = phrases.find(
        (p) => !p.used && (p.text === t || (p.embedded !== "" && norm(p.embedded.replace(/_+$/, "")).toLowerCase() === refname && p.text === "")),
      );
      // A bare `word_` before the phrase's place in the input is the better guess.
      const simple = /^[\w.+-]+$/u.test(text);
      if (simple && cursor) {
        const bare = findBare(rst, `${text}${us}`, cursor.pos);
        if (bare >= 0 && (!phrase || bare < phrase.start)) {
          cursor.pos = bare + text.length + us.length;
          return `${text}${us}`;
        }
      }
      if (phrase) {
        phrase.used = true;
        if (cursor) cursor.pos = Math.max(cursor.pos, phrase.start + phrase.raw.length);
        const next = n.nextSibling();
        if (next instanceof Element && next.tagname === "target") embeddedTargetRaw.set(next, phrase.embeddedRaw);
        return phrase.raw;
      }
      return /^[\w.+-]+$/u.test(text) ? `${text}${us}` : `\`${text}\`${us}`;
    }
    case "footnote_reference": {
      const refname = n.str("refname");
      if (n.get("auto") === 1) return refname !== undefined ? `[#${refname}]_` : "[#]_";
      if (n.get("auto") === "*") return "[*]_";
      return `[${text}]_`;
    }
    case "citation_reference":
      return `[${text}]_`;
    case "substitution_reference":
      return `|${text}|`;
    case "substitution_definition":
      return explicitBlock(rst, (l) => l.startsWith(`.. |${n.names[0] ?? n.dupnames[0] ?? ""}|`));
    case "target": {
      const embedded = embeddedTargetRaw.get(n);
      if (embedded !== undefined) return embedded;
      const name = n.names[0] ?? n.dupnames[0];
      if (name === undefined || (n.parent && TEXT_PARENTS.has(n.parent.tagname))) return "";
      return explicitBlock(rst, (l) => {
        const low = l.toLowerCase();
        return low.startsWith(`.. _${name}:`) || low.startsWith(`.. _\`${name}\`:`);
      });
    }
    default:
      return "";
  }
}

const TEXT_PARENTS = new Set(["paragraph", "title", "line", "term", "entry", "caption", "emphasis", "strong"]);

/** The explicit markup block starting at the first line `match` accepts. */
function explicitBlock(rst: string, match: (line: string) => boolean): string {
  const lines = rst.split("\n");
  const start = lines.findIndex(match);
  if (start < 0) return "";
  let end = start + 1;
  while (end < lines.length && (lines[end].trim() === "" || /^\s/.test(lines[end]))) end++;
  while (end > start + 1 && lines[end - 1].trim() === "") end--;
  return lines.slice(start, end).join("\n");
}

export type { Node };
