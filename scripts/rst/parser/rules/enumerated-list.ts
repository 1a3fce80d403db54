// Enumerated lists (docutils' Body.enumerator, EnumeratedList.enumerator and
// the enumerator helpers): arabic, alphabetic and Roman sequences, "#" auto
// enumerators, in the formats "1.", "1)" and "(1)".
import { Element } from "../../nodes.ts";
import { EOF, TransitionCorrection } from "../machine.ts";
import type { BodyState as Body } from "../states/body-state.ts";
import { listItem } from "./list-item.ts";
import { fromRoman, toRoman } from "./roman.ts";

type Result = [string[], string];

const FORMATINFO: Record<string, { prefix: string; suffix: string }> = {
  parens: { prefix: "(", suffix: ")" },
  rparen: { prefix: "", suffix: ")" },
  period: { prefix: "", suffix: "." },
};
const FORMATS = ["parens", "rparen", "period"];
const SEQUENCES = ["arabic", "loweralpha", "upperalpha", "lowerroman", "upperroman"];
const SEQUENCE_RE: Record<string, RegExp> = {
  arabic: /^[0-9]+$/,
  loweralpha: /^[a-z]$/,
  upperalpha: /^[A-Z]$/,
  lowerroman: /^[ivxlcdm]+$/,
  upperroman: /^[IVXLCDM]+$/,
};

function convert(sequence: string, text: string): number | null {
  switch (sequence) {
    case "arabic":
      return parseInt(text, 10);
    case "loweralpha":
      return text.charCodeAt(0) - 96;
    case "upperalpha":
      return text.charCodeAt(0) - 64;
    case "lowerroman":
      return fromRoman(text.toUpperCase());
    default:
      return fromRoman(text);
  }
}

export interface Enumerator {
  format: string;
  sequence: string;
  text: string;
  ordinal: number | null;
}

/** Analyzes an enumerator match (docutils' parse_enumerator). */
export function parseEnumerator(match: RegExpExecArray, expectedSequence: string | null = null): Enumerator {
  const groups = match.groups ?? {};
  const format = FORMATS.find((f) => groups[f]) ?? "period";
  const whole = groups[format]!;
  const text = format === "parens" ? whole.slice(1, -1) : whole.slice(0, -1);
  let sequence = "";
  if (text === "#") sequence = "#";
  else if (expectedSequence) {
    if (SEQUENCE_RE[expectedSequence]?.test(text)) sequence = expectedSequence;
  } else if (text === "i") sequence = "lowerroman";
  else if (text === "I") sequence = "upperroman";
  if (!sequence) sequence = SEQUENCES.find((seq) => SEQUENCE_RE[seq].test(text)) ?? "arabic";
  const ordinal = sequence === "#" ? 1 : convert(sequence, text);
  return { format, sequence, text, ordinal };
}

/** The next enumerator and the auto-enumerator, or null for an out-of-range ordinal (docutils' make_enumerator). */
function makeEnumerator(ordinal: number, sequence: string, format: string): [string, string] | null {
  let enumerator: string;
  if (sequence === "#") enumerator = "#";
  else if (sequence === "arabic") enumerator = String(ordinal);
  else {
    if (sequence.endsWith("alpha")) {
      if (ordinal > 26) return null;
      enumerator = String.fromCharCode(ordinal + 96);
    } else {
      const r = toRoman(ordinal);
      if (r === null) return null;
      enumerator = r;
    }
    enumerator = sequence.startsWith("lower") ? enumerator.toLowerCase() : enumerator.toUpperCase();
  }
  const info = FORMATINFO[format];
  return [info.prefix + enumerator + info.suffix + " ", info.prefix + "#" + info.suffix + " "];
}

/** An enumerator starts a list item if valid and the next line is blank, indented or the next item. */
function isEnumeratedListItem(s: Body, ordinal: number | null, sequence: string, format: string): boolean {
  if (ordinal === null) return false;
  let nextLine: string;
  try {
    nextLine = s.m.nextLine();
  } catch (e) {
    if (e !== EOF) throw e;
    s.m.previousLine();
    return true;
  }
  s.m.previousLine();
  if (!nextLine.slice(0, 1).trim()) return true;
  const result = makeEnumerator(ordinal + 1, sequence, format);
  if (result && (nextLine.startsWith(result[0]) || nextLine.startsWith(result[1]))) return true;
  return false;
}

export function enumeratedListRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const { format, sequence, text, ordinal } = parseEnumerator(match);
  if (!isEnumeratedListItem(s, ordinal, sequence, format)) throw new TransitionCorrection("text");
  const list = new Element("enumerated_list");
  s.place(list);
  s.parent.append(list);
  list.set("enumtype", sequence === "#" ? "arabic" : sequence);
  list.set("prefix", FORMATINFO[format].prefix);
  list.set("suffix", FORMATINFO[format].suffix);
  if (ordinal !== 1) {
    list.set("start", ordinal);
    s.parent.append(s.reporter.info(`Enumerated list start value not ordinal-1: "${text}" (ordinal ${ordinal})`, [], { line: s.m.absLineNumber() }));
  }
  const [item, blankFinish0] = listItem(s, match[0].length);
  list.append(item);
  const [newOffset, blankFinish] = s.nestedListParse(s.restAfterCurrent(), s.m.absLineOffset() + 1, list, "EnumeratedList", blankFinish0, {
    extra: { lastordinal: ordinal, format, auto: sequence === "#" },
  });
  s.gotoLine(newOffset);
  if (!blankFinish) s.parent.append(s.unindentWarning("Enumerated list"));
  return [[], next];
}

export function enumeratedListItemRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const enumtype = String(s.parent.get("enumtype"));
  const { format, sequence, ordinal } = parseEnumerator(match, enumtype);
  if (
    format !== s.format ||
    (sequence !== "#" && (sequence !== enumtype || s.auto || ordinal !== s.lastordinal + 1)) ||
    !isEnumeratedListItem(s, ordinal, sequence, format)
  ) {
    s.invalidInput();
  }
  if (sequence === "#") s.auto = true;
  const [item, blankFinish] = listItem(s, match[0].length);
  s.parent.append(item);
  s.blankFinish = blankFinish;
  s.lastordinal = ordinal!;
  return [[], next];
}
