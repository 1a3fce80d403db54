// Block quotes (an indented block) with optional attributions (docutils' Body.indent / block_quote).
import { Element } from "../../nodes.ts";
import { pyRstrip } from "../lines.ts";
import type { RSTState } from "../states/rst-state.ts";
import { pushAll } from "../../arrays.ts";

type Result = [string[], string];

export function blockQuoteRule(s: RSTState, _match: RegExpExecArray, context: string[], next: string): Result {
  const { indented, offset, blankFinish } = s.m.getIndented();
  s.parent.extend(blockQuote(s, indented, offset));
  if (!blankFinish) s.parent.append(s.unindentWarning("Block quote"));
  return [context, next];
}

const ATTRIBUTION = /^(?:---?(?!-)|\u2014) *(?=[^ \n])/;

/** Block quotes from an indented block: a new block quote after each attribution. */
export function blockQuote(s: RSTState, indented: string[], lineOffset: number): Element[] {
  const elements: Element[] = [];
  // `from` walks through `indented` instead of slicing it: many attributions stay linear.
  let from = 0;
  while (from < indented.length) {
    const blockquote = new Element("block_quote");
    s.place(blockquote, lineOffset + 1);
    const split = splitAttribution(indented, from);
    s.nestedParse(indented.slice(from, split.contentEnd), lineOffset, blockquote);
    elements.push(blockquote);
    if (split.attribution) {
      const lineno = 1 + lineOffset + (split.attributionStart - from);
      const text = pyRstrip(split.attribution.join("\n"));
      const [nodes, messages] = s.inlineText(text, lineno);
      const attribution = new Element("attribution", {}, nodes);
      attribution.rawsource = text;
      s.place(attribution, lineno);
      blockquote.append(attribution);
      pushAll(elements, messages);
      lineOffset += split.restStart - from;
      from = split.restStart;
    } else {
      from = indented.length;
    }
    while (from < indented.length && !indented[from]) {
      from++;
      lineOffset++;
    }
  }
  return elements;
}

interface Split {
  /** End (exclusive) of the block quote's own lines. */
  contentEnd: number;
  attribution: string[] | null;
  attributionStart: number;
  /** Where the lines after the attribution start. */
  restStart: number;
}

/** Splits off an attribution: a dash-led paragraph after a blank line, consistently indented. */
function splitAttribution(indented: string[], from: number): Split {
  let blank: number | null = null;
  let nonblankSeen = false;
  for (let i = from; i < indented.length; i++) {
    const line = pyRstrip(indented[i]);
    if (line) {
      if (nonblankSeen && blank === i - 1) {
        const match = ATTRIBUTION.exec(line);
        if (match) {
          const [end, indent] = checkAttribution(indented, i);
          if (end !== null) {
            const a = indented.slice(i, end);
            a[0] = a[0].slice(match[0].length);
            for (let k = 1; k < a.length; k++) a[k] = a[k].slice(indent);
            return { contentEnd: i, attribution: a, attributionStart: i, restStart: end };
          }
        }
      }
      nonblankSeen = true;
    } else {
      blank = i;
    }
  }
  return { contentEnd: indented.length, attribution: null, attributionStart: 0, restStart: indented.length };
}

function checkAttribution(indented: string[], start: number): [number | null, number] {
  let indent: number | null = null;
  let i = start + 1;
  for (; i < indented.length; i++) {
    const line = pyRstrip(indented[i]);
    if (!line) break;
    const lineIndent = line.length - line.trimStart().length;
    if (indent === null) indent = lineIndent;
    else if (lineIndent !== indent) return [null, 0];
  }
  return [i, indent ?? 0];
}
