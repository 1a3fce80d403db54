// System messages: docutils' Reporter. Messages are `system_message` elements with
// docutils' levels and types; observers (the toolchain) receive every message above DEBUG.
import { type Attributes, Element, type Node, el } from "./nodes.ts";

export const DEBUG = 0;
export const INFO = 1;
export const WARNING = 2;
export const ERROR = 3;
export const SEVERE = 4;
export const LEVEL_NAMES = ["DEBUG", "INFO", "WARNING", "ERROR", "SEVERE"] as const;

export interface MessageOptions {
  /** The node the message is about; its source and line are used. */
  baseNode?: Node | null;
  /** 1-based line, when no base node is given. */
  line?: number | null;
  source?: string | null;
  backrefs?: string[];
  /** Further attributes of the system_message element. */
  [attr: string]: unknown;
}

export type Observer = (message: Element) => void;

/** Walks up from `node` to the first node that knows its source or line (docutils' get_source_line). */
export function getSourceLine(node: Node | null | undefined): { source: string | null; line: number | null } {
  let n: Node | null | undefined = node;
  while (n) {
    if (n.source || n.line) return { source: n.source, line: n.line };
    n = n.parent;
  }
  return { source: null, line: null };
}

export class Reporter {
  observers: Observer[] = [];
  maxLevel = -1;
  /**
   * Maps an absolute line offset (0-based, in the input being parsed) to source and line.
   * The parser sets this while it runs; messages given `line` without `source` go through it.
   */
  getSourceAndLine: ((line: number | null | undefined) => { source: string | null; line: number | null }) | null = null;

  constructor(public source: string) {}

  attach(observer: Observer): void {
    this.observers.push(observer);
  }

  systemMessage(level: number, message: string, children: Node[] = [], options: MessageOptions = {}): Element {
    const attributes: Attributes = {};
    const { baseNode, line, source, backrefs, ...rest } = options;
    for (const [k, v] of Object.entries(rest)) attributes[k] = v as Attributes[string];
    let src: string | null | undefined = source;
    let ln: number | null | undefined = line;
    if (baseNode) {
      const sl = getSourceLine(baseNode);
      if (src == null && sl.source != null) src = sl.source;
      if (ln == null && sl.line != null) ln = sl.line;
    }
    if (src == null && this.getSourceAndLine) {
      // As docutils: without a known source, the parser's position supplies source and line.
      const sl = this.getSourceAndLine(ln);
      if (sl.source != null) src = sl.source;
      if (sl.line != null) ln = sl.line;
    }
    attributes.source = src ?? this.source;
    if (ln != null) attributes.line = ln;
    if (backrefs) attributes.backrefs = backrefs;
    attributes.level = level;
    attributes.type = LEVEL_NAMES[level] ?? String(level);
    const msg = new Element("system_message", attributes);
    if (message) msg.append(el("paragraph", {}, message));
    msg.extend(children);
    msg.source = typeof attributes.source === "string" ? attributes.source : null;
    msg.line = typeof attributes.line === "number" ? attributes.line : null;
    if (level > DEBUG) for (const o of this.observers) o(msg);
    this.maxLevel = Math.max(this.maxLevel, level);
    return msg;
  }

  debug(message: string, children: Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(DEBUG, message, children, options);
  }
  info(message: string, children: Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(INFO, message, children, options);
  }
  warning(message: string, children: Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(WARNING, message, children, options);
  }
  error(message: string, children: Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(ERROR, message, children, options);
  }
  severe(message: string, children: Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(SEVERE, message, children, options);
  }
}
