// HTML metadata (docutils' directives/html.py): `meta`. Its content is a field
// list; each field becomes a `meta` element inserted near the top of the document.
import { Element } from "../nodes.ts";
import type { DirectiveCall, DirectiveDefinition } from "../parser/context.ts";
import { getIndented, isBlank } from "../parser/lines.ts";
import { escapeToNull } from "../parser/inline/escape.ts";
import { PATTERNS, unescapeNull } from "../parser/patterns.ts";
import { ERROR } from "../reporter.ts";
import { assertHasContent, blockMessage, directive, literalBlock } from "./util.ts";

class NameValueError extends Error {}

/** `name=value` pairs (docutils' utils.extract_name_value). */
export function extractNameValue(input: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let line = input;
  while (line) {
    const equals = line.indexOf("=");
    if (equals === -1) throw new NameValueError('missing "="');
    const attname = line.slice(0, equals).trim();
    if (equals === 0 || !attname) throw new NameValueError('missing attribute name before "="');
    line = line.slice(equals + 1).trimStart();
    if (!line) throw new NameValueError(`missing value after "${attname}="`);
    let data: string;
    if (line[0] === "'" || line[0] === '"') {
      const endquote = line.indexOf(line[0], 1);
      if (endquote === -1) throw new NameValueError(`attribute "${attname}" missing end quote (${line[0]})`);
      if (line.length > endquote + 1 && line[endquote + 1].trim()) {
        throw new NameValueError(`attribute "${attname}" end quote (${line[0]}) not followed by whitespace`);
      }
      data = line.slice(1, endquote);
      line = line.slice(endquote + 1).trimStart();
    } else {
      const space = line.indexOf(" ");
      if (space === -1) {
        data = line;
        line = "";
      } else {
        data = line.slice(0, space);
        line = line.slice(space + 1).trimStart();
      }
    }
    out.push([attname.toLowerCase(), data]);
  }
  return out;
}

/** One field of the meta directive: a `meta` element or a system message. */
function metaField(call: DirectiveCall, fieldLine: string, name: string, value: string[], lineno: number): Element {
  const fieldName = unescapeNull(escapeToNull(name));
  if (!value.length) {
    return call.ctx.reporter.info(`No content for meta tag "${fieldName}".`, [literalBlock(fieldLine)], { line: lineno });
  }
  const node = new Element("meta");
  node.set("content", unescapeNull(escapeToNull(value.join(" "))));
  const tokens = fieldName.split(/\s+/).filter(Boolean);
  try {
    const [[attname, val]] = extractNameValue(tokens[0]);
    node.set(attname.toLowerCase(), val);
  } catch (e) {
    if (!(e instanceof NameValueError)) throw e;
    node.set("name", tokens[0]);
  }
  for (const token of tokens.slice(1)) {
    try {
      const [[attname, val]] = extractNameValue(token);
      node.set(attname.toLowerCase(), val);
    } catch (e) {
      if (!(e instanceof NameValueError)) throw e;
      return call.ctx.reporter.error(`Error parsing meta tag attribute "${token}": ${e.message}.`, [literalBlock(fieldLine)], {
        line: lineno,
      });
    }
  }
  return node;
}

export const HTML_DIRECTIVES: Record<string, DirectiveDefinition> = {
  meta: directive({
    hasContent: true,
    run(call) {
      assertHasContent(call);
      const lines = call.content;
      const nodes: Element[] = [];
      let blockEndLine = call.lineno;
      for (let k = call.blockText.indexOf("\n"); k >= 0; k = call.blockText.indexOf("\n", k + 1)) blockEndLine++;
      let i = 0;
      while (i < lines.length) {
        if (isBlank(lines[i])) {
          i++;
          continue;
        }
        const match = PATTERNS.fieldMarker.exec(lines[i]);
        if (!match) break;
        const marker = match[0].slice(1);
        const name = marker.slice(0, marker.lastIndexOf(":"));
        const r = getIndented(lines, i, lines.length, false, true, null, match[0].length);
        const value = [...r.block];
        while (value.length && isBlank(value[value.length - 1])) value.pop();
        while (value.length && isBlank(value[0])) value.shift();
        // docutils quotes the line its nested parser stands on (the field's last line) and
        // reports the line the directive's parser stands on (the block's last line).
        const lastLine = lines[i + Math.max(1, r.block.length) - 1];
        nodes.push(metaField(call, lastLine, name, value, blockEndLine));
        i += Math.max(1, r.block.length);
      }
      if (i < lines.length) nodes.push(blockMessage(call, ERROR, "Invalid meta directive."));
      const document = call.ctx.document;
      const index = document.firstChildNotIndex("title", "subtitle", "rubric", "meta");
      document.insert(index < 0 ? 0 : index, nodes);
      return [];
    },
  }),
};
