// Hyperlink targets: ".. _name: uri", ".. _name: other_", ".. __: uri",
// "__ uri" (docutils' Body.hyperlink_target, anonymous_target, make_target,
// parse_target, is_reference, add_target).
import { Element } from "../../nodes.ts";
import { fullyNormalizeName, whitespaceNormalizeName } from "../../ids.ts";
import { MarkupError } from "../machine.ts";
import { escapeToNull } from "../inline/escape.ts";
import { EXPLICIT, matchTargetName, type NameMatch, unescapeNull } from "../patterns.ts";
import { pyStrip } from "../lines.ts";
import type { RSTState } from "../states/rst-state.ts";
import { pySplit } from "../../ids.ts";

export function hyperlinkTarget(s: RSTState, match: RegExpExecArray): [Element[], boolean] {
  const lineno = s.m.absLineNumber();
  const r = s.m.getFirstKnownIndented(match[0].length, true, false);
  const blocktext = match.input.slice(0, match[0].length) + r.indented.join("\n");
  const block = r.indented.map(escapeToNull);
  let escaped = block[0] ?? "";
  let blockindex = 0;
  let scanned = 0;
  let targetmatch: NameMatch | null;
  for (;;) {
    targetmatch = matchTargetName(escaped, scanned);
    if (targetmatch) break;
    blockindex++;
    if (blockindex >= block.length) throw new MarkupError("malformed hyperlink target.");
    scanned = escaped.length;
    escaped += block[blockindex];
  }
  const rest = block.slice(blockindex);
  const first = rest[0] + " ";
  const start = Math.max(0, first.length + (targetmatch.end - escaped.length - 1));
  rest[0] = pyStrip(first.slice(start));
  const target = makeTarget(s, rest, blocktext, lineno, targetmatch.name);
  return [[target], r.blankFinish];
}

export function anonymousTarget(s: RSTState, match: RegExpExecArray): [Element[], boolean] {
  const lineno = s.m.absLineNumber();
  const r = s.m.getFirstKnownIndented(match[0].length, true);
  const blocktext = match.input.slice(0, match[0].length) + r.indented.join("\n");
  const block = r.indented.map(escapeToNull);
  return [[makeTarget(s, block, blocktext, lineno, "")], r.blankFinish];
}

function makeTarget(s: RSTState, block: string[], blockText: string, lineno: number, targetName: string): Element {
  const target = new Element("target");
  target.rawsource = blockText;
  const refname = indirectReference(block);
  if (refname !== null) {
    target.set("refname", fullyNormalizeName(refname));
    target.indirectReferenceName = refname;
    addTarget(s, targetName, "", target, lineno);
    s.document.noteIndirectTarget(target);
    return target;
  }
  const parts = block.join(" ").split(/\x00[ \n]/);
  const reference = parts.map((part) => pySplit(unescapeNull(part)).join("")).join(" ");
  addTarget(s, targetName, reference, target, lineno);
  return target;
}

/** The reference name when the target points at another target ("name_" or "`phrase`_"). */
function indirectReference(block: string[]): string | null {
  if (!block.length || pyStrip(block[block.length - 1]).slice(-1) !== "_") return null;
  const reference = block.map(pyStrip).join(" ");
  const m = EXPLICIT.reference.exec(whitespaceNormalizeName(reference));
  if (!m) return null;
  return unescapeNull(m.groups?.simple ?? m.groups?.phrase ?? "");
}

function addTarget(s: RSTState, targetName: string, refuri: string, target: Element, lineno: number): void {
  target.line = lineno;
  target.source = s.document.source;
  if (targetName) {
    const name = fullyNormalizeName(unescapeNull(targetName));
    target.names.push(name);
    if (refuri) target.set("refuri", adjustUri(refuri));
    s.document.noteExplicitTarget(target, s.parent);
  } else {
    if (refuri) target.set("refuri", refuri);
    target.set("anonymous", 1);
    s.document.noteAnonymousTarget(target);
  }
}

const EMAILC = "[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9\\x00]";
const EMAIL_NAME = new RegExp(`^${EMAILC}+(?:\\.${EMAILC}+)*$`);
const EMAIL_HOST = new RegExp(`^${EMAILC}[-_!~*'{|}/#?^\`&=+$%a-zA-Z0-9\\x00.]*[_~*/=+a-zA-Z0-9]$`);

/** A bare e-mail address becomes a mailto: URI (docutils' Inliner.adjust_uri). */
export function adjustUri(uri: string): string {
  const at = uri.indexOf("@");
  if (at > 0 && uri[at - 1] !== "\x00") {
    const name = uri.slice(0, at);
    const host = uri.slice(at + 1);
    if (EMAIL_NAME.test(name) && EMAIL_HOST.test(host) && !host.startsWith(".")) return "mailto:" + uri;
  }
  return uri;
}
