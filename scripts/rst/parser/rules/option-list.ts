// Option lists (docutils' Body.option_marker, option_list_item, parse_option_marker).
import { Element, Text } from "../../nodes.ts";
import { MarkupError, TransitionCorrection } from "../machine.ts";
import type { BodyState as Body } from "../states/body-state.ts";
import { blockQuote } from "./block-quote.ts";

type Result = [string[], string];

export function optionListRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const list = s.place(new Element("option_list"));
  let item: Element;
  let blankFinish0: boolean;
  try {
    [item, blankFinish0] = optionListItem(s, match);
  } catch (e) {
    if (!(e instanceof MarkupError)) throw e;
    s.parent.append(s.reporter.error(`Invalid option list marker: ${e.message}`));
    const { indented, offset, blankFinish } = s.m.getFirstKnownIndented(match[0].length);
    s.parent.extend(blockQuote(s, indented, offset));
    if (!blankFinish) s.parent.append(s.unindentWarning("Option list"));
    return [[], next];
  }
  s.parent.append(list);
  list.append(item);
  const [newOffset, blankFinish] = s.nestedListParse(s.restAfterCurrent(), s.m.absLineOffset() + 1, list, "OptionList", blankFinish0);
  s.gotoLine(newOffset);
  if (!blankFinish) s.parent.append(s.unindentWarning("Option list"));
  return [[], next];
}

export function optionListItemRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  let item: Element;
  let blankFinish: boolean;
  try {
    [item, blankFinish] = optionListItem(s, match);
  } catch (e) {
    if (!(e instanceof MarkupError)) throw e;
    return s.invalidInput();
  }
  s.parent.append(item);
  s.blankFinish = blankFinish;
  return [[], next];
}

function optionListItem(s: Body, match: RegExpExecArray): [Element, boolean] {
  const offset0 = s.m.absLineOffset();
  const options = parseOptionMarker(match);
  const { indented, offset, blankFinish } = s.m.getFirstKnownIndented(match[0].length);
  if (!indented.length) {
    s.gotoLine(offset0);
    throw new TransitionCorrection("text");
  }
  const group = new Element("option_group", {}, options);
  const description = new Element("description");
  const item = new Element("option_list_item", {}, [group, description]);
  s.nestedParse(indented, offset, description);
  return [item, blankFinish];
}

/** The options of a marker such as "-a FILE, --all=FILE" (docutils' parse_option_marker). */
function parseOptionMarker(match: RegExpExecArray): Element[] {
  const optlist: Element[] = [];
  const optionstrings = match[0].trimEnd().split(", ");
  for (const optionstring of optionstrings) {
    let tokens = optionstring.split(/\s+/).filter((t) => t);
    let delimiter = " ";
    const eq = tokens[0].indexOf("=");
    if (eq >= 0) {
      tokens.splice(0, 1, tokens[0].slice(0, eq), tokens[0].slice(eq + 1));
      delimiter = "=";
    } else if (tokens[0].length > 2 && ((tokens[0].startsWith("-") && !tokens[0].startsWith("--")) || tokens[0].startsWith("+"))) {
      tokens.splice(0, 1, tokens[0].slice(0, 2), tokens[0].slice(2));
      delimiter = "";
    }
    if (tokens.length > 1 && tokens[1].startsWith("<") && tokens[tokens.length - 1].endsWith(">")) {
      tokens = [tokens[0], tokens.slice(1).join(" ")];
    }
    if (tokens.length > 0 && tokens.length <= 2) {
      const option = new Element("option");
      option.rawsource = optionstring;
      const str = new Element("option_string", {}, [new Text(tokens[0])]);
      option.append(str);
      if (tokens.length > 1) option.append(new Element("option_argument", { delimiter }, [new Text(tokens[1])]));
      optlist.push(option);
    } else {
      throw new MarkupError(`wrong number of option tokens (=${tokens.length}), should be 1 or 2: "${optionstring}"`);
    }
  }
  return optlist;
}
