// Miscellaneous directives (docutils' directives/misc.py): include, raw, replace,
// unicode, class, role, default-role, title, date, and the test directive.
import { readFileSync } from "node:fs";
import { Element, type Node, Text } from "../nodes.ts";
import type { DirectiveCall, DirectiveDefinition } from "../parser/context.ts";
import { SIMPLENAME } from "../parser/patterns.ts";
import { pyRepr } from "../pformat.ts";
import { ERROR } from "../reporter.ts";
import { defineCustomRole, lookupRole, roleDefinitionFor } from "../roles/registry.ts";
import { LexerError, appendTokens, normalizeLanguage, numberLines, tokenNames, tokenize } from "./code.ts";
import { resolveInsidePath } from "./include-path.ts";
import {
  classNames,
  classOption,
  encoding,
  flag,
  path,
  pyInt,
  unchanged,
  unchangedRequired,
  unicodeCode,
  uri,
} from "../options.ts";
import { addName, blockMessage, directive, error, literalBlock, place, severe, warning } from "./util.ts";

function requireSubstitution(call: DirectiveCall): void {
  if (!call.ctx.inSubstitutionDefinition) {
    throw error(`Invalid context: the "${call.name}" directive can only be used within a substitution definition.`);
  }
}

const UNICODE_COMMENT = /(?: |\n|^)\.\. /;

/** Python's time.strftime for the common codes, in local time or (with `utc`) UTC. */
export function strftime(format: string, date: Date, utc = false): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  const month = utc ? date.getUTCMonth() : date.getMonth();
  const day = utc ? date.getUTCDate() : date.getDate();
  const weekday = utc ? date.getUTCDay() : date.getDay();
  const hours = utc ? date.getUTCHours() : date.getHours();
  const minutes = utc ? date.getUTCMinutes() : date.getMinutes();
  const seconds = utc ? date.getUTCSeconds() : date.getSeconds();
  const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const yday = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
  const codes: Record<string, () => string> = {
    Y: () => String(year),
    y: () => pad(year % 100),
    m: () => pad(month + 1),
    d: () => pad(day),
    H: () => pad(hours),
    I: () => pad(hours % 12 || 12),
    M: () => pad(minutes),
    S: () => pad(seconds),
    p: () => (hours < 12 ? "AM" : "PM"),
    A: () => days[weekday],
    a: () => days[weekday].slice(0, 3),
    B: () => months[month],
    b: () => months[month].slice(0, 3),
    j: () => pad(yday, 3),
    w: () => String(weekday),
    "%": () => "%",
  };
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "%" && i + 1 < format.length && codes[format[i + 1]]) {
      out += codes[format[i + 1]]();
      i++;
    } else out += c;
  }
  return out;
}

const ROLE_ARGUMENT = new RegExp(`^(${SIMPLENAME})\\s*(\\(\\s*(${SIMPLENAME})\\s*\\)\\s*)?$`, "u");

const INCLUDE_OPTIONS = {
  literal: flag,
  code: unchanged,
  encoding,
  parser: unchanged,
  "tab-width": pyInt,
  "start-line": pyInt,
  "end-line": pyInt,
  "start-after": unchangedRequired,
  "end-before": unchangedRequired,
  "number-lines": unchanged,
  class: classOption,
  name: unchanged,
};

function expandTabs(line: string, width: number): string {
  if (!line.includes("\t")) return line;
  let out = "";
  for (const c of line) {
    if (c === "\t") out += " ".repeat(width - (out.length % width));
    else out += c;
  }
  return out;
}

function runInclude(call: DirectiveCall): Node[] {
  const { document } = call.ctx;
  if (!document.settings.fileInsertionEnabled) throw warning(`"${call.name}" directive disabled.`);
  const requested = call.arguments[0].split(/\r?\n/).map((s) => s.trim()).join("");
  if (requested.startsWith("<") && requested.endsWith(">")) {
    // docutils' standard definition files (<isonum.txt> ...) are not shipped with this engine.
    throw severe(`Problems with "${call.name}" directive path:\nstandard include file ${requested} is not available.`);
  }
  const resolved = resolveInsidePath(document.settings.includeRoot, requested);
  if (!resolved.ok) throw severe(`Problems with "${call.name}" directive path:\n${resolved.error}.`);
  let text: string;
  try {
    text = readFileSync(resolved.path, "utf8");
  } catch (e) {
    throw severe(`Problems with "${call.name}" directive path:\n${(e as Error).message}.`);
  }
  const { options } = call;
  let lines = text.split(/\r\n|\n|\r/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const startLine = options["start-line"] as number | undefined;
  const endLine = options["end-line"] as number | undefined;
  if (startLine !== undefined || endLine !== undefined) lines = lines.slice(startLine ?? 0, endLine);
  text = lines.join("\n");
  if (typeof options["start-after"] === "string") {
    const i = text.indexOf(options["start-after"]);
    if (i < 0) throw severe(`Problem with "start-after" option of "${call.name}" directive:\nText not found.`);
    text = text.slice(i + options["start-after"].length);
  }
  if (typeof options["end-before"] === "string") {
    const i = text.indexOf(options["end-before"]);
    if (i < 0) throw severe(`Problem with "end-before" option of "${call.name}" directive:\nText not found.`);
    text = text.slice(0, i);
  }
  const tabWidth = (options["tab-width"] as number | undefined) ?? (document.settings.tabWidth as number);
  const includeLines = text.split("\n").map((l) => (tabWidth >= 0 ? expandTabs(l, tabWidth) : l));
  if ("literal" in options || "code" in options) {
    const classes = (options.class as string[] | undefined) ?? [];
    const language = "code" in options ? normalizeLanguage(String(options.code ?? "")) : "";
    const literalText = tabWidth >= 0 ? includeLines.join("\n") : text;
    const node = new Element("literal_block", { source: resolved.path, "xml:space": "preserve" });
    node.rawsource = literalText;
    if ("code" in options) node.classes.push("code", ...(language ? [language] : []));
    node.classes.push(...classes);
    addName(call, node);
    let tokens;
    try {
      tokens = tokenize(literalText, language, tokenNames(document.settings));
    } catch (e) {
      if (e instanceof LexerError) throw warning(e.message);
      throw e;
    }
    if ("number-lines" in options) {
      const raw = String(options["number-lines"] ?? "");
      const start = raw ? pyInt(raw) : 1;
      tokens = numberLines(tokens, start, start + includeLines.length);
    }
    appendTokens(node, tokens);
    return [node];
  }
  // Included reStructuredText continues the input where the directive stands; a parser
  // context that cannot insert input parses it as a nested block of the current element
  // (section titles in the included text then do not join the document's sections).
  if (call.ctx.insertInput) call.ctx.insertInput(includeLines, resolved.path);
  else call.ctx.nestedParse(includeLines, 0, call.ctx.parent, false);
  return [];
}

export const MISC_DIRECTIVES: Record<string, DirectiveDefinition> = {
  include: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: INCLUDE_OPTIONS,
    run: runInclude,
  }),
  raw: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: { file: path, url: uri, encoding, class: classOption },
    hasContent: true,
    run(call) {
      const { settings } = call.ctx.document;
      // URLs are never fetched; files only with file insertion enabled, inside the include root.
      if (!settings.rawEnabled || "url" in call.options || (!settings.fileInsertionEnabled && "file" in call.options)) {
        throw warning(`"${call.name}" directive disabled.`);
      }
      const attributes: Record<string, string> = { format: call.arguments[0].toLowerCase().split(/\s+/).filter(Boolean).join(" ") };
      let text: string;
      if (call.content.length) {
        if ("file" in call.options) {
          throw error(`"${call.name}" directive may not both specify an external file and have content.`);
        }
        text = call.content.join("\n");
      } else if (typeof call.options.file === "string") {
        const resolved = resolveInsidePath(settings.includeRoot, call.options.file);
        if (!resolved.ok) throw severe(`Problems with "${call.name}" directive path:\n${resolved.error}.`);
        try {
          text = readFileSync(resolved.path, "utf8");
        } catch (e) {
          throw severe(`Problems with "${call.name}" directive path:\n${(e as Error).message}.`);
        }
        attributes.source = resolved.path;
      } else {
        throw error(`Content block expected for the "${call.name}" directive; none found.`);
      }
      const node = new Element("raw", { ...attributes, "xml:space": "preserve" }, [new Text(text)]);
      node.classes.push(...((call.options.class as string[] | undefined) ?? []));
      place(call, node, call.lineno);
      return [node];
    },
  }),
  replace: directive({
    hasContent: true,
    run(call) {
      requireSubstitution(call);
      if (!call.content.length) throw error(`Content block expected for the "${call.name}" directive; none found.`);
      const container = new Element("container");
      call.ctx.nestedParse(call.content, call.contentOffset, container);
      let paragraph: Element | null = null;
      const messages: Element[] = [];
      for (const child of container.children) {
        if (!paragraph && child instanceof Element && child.tagname === "paragraph") paragraph = child;
        else if (child instanceof Element && child.tagname === "system_message") {
          child.clearList("backrefs");
          messages.push(child);
        } else {
          return [
            call.ctx.reporter.error(`Error in "${call.name}" directive: may contain a single paragraph only.`, [], {
              line: call.lineno,
            }),
          ];
        }
      }
      if (paragraph) return [...messages, ...paragraph.clearChildren()];
      return messages;
    },
  }),
  unicode: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: { trim: flag, ltrim: flag, rtrim: flag },
    run(call) {
      requireSubstitution(call);
      const definition = call.ctx.parent;
      if ("trim" in call.options || "ltrim" in call.options) definition.set("ltrim", 1);
      if ("trim" in call.options || "rtrim" in call.options) definition.set("rtrim", 1);
      const codes = call.arguments[0].split(UNICODE_COMMENT)[0].split(/\s+/).filter(Boolean);
      const out: Node[] = [];
      for (const code of codes) {
        let decoded: string;
        try {
          decoded = unicodeCode(code);
        } catch (e) {
          throw error(`Invalid character code: ${code}\nValueError: ${(e as Error).message}`);
        }
        out.push(new Text(decoded));
      }
      return out;
    },
  }),
  class: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    hasContent: true,
    run(call) {
      let classes: string[];
      try {
        classes = classNames(call.arguments[0]);
      } catch {
        throw error(`Invalid class attribute value for "${call.name}" directive: "${call.arguments[0]}".`);
      }
      if (call.content.length) {
        const container = new Element("container");
        call.ctx.nestedParse(call.content, call.contentOffset, container);
        for (const child of container.children) if (child instanceof Element) child.classes.push(...classes);
        return container.clearChildren();
      }
      const pending = new Element("pending");
      pending.transform = "docutils.transforms.misc.ClassAttribute";
      pending.details = { class: classes, directive: call.name };
      pending.rawsource = call.blockText;
      // Like docutils' pending node it has no line: a failure is reported where parsing ended.
      call.ctx.document.notePending(pending, 210);
      return [pending];
    },
  }),
  role: directive({
    hasContent: true,
    run(call) {
      if (call.contentOffset > call.lineno || !call.content.length) {
        throw error(`"${call.name}" directive requires arguments on the first line.`);
      }
      const args = call.content[0];
      const match = ROLE_ARGUMENT.exec(args);
      if (!match) throw error(`"${call.name}" directive arguments not valid role names: "${args}".`);
      const newName = match[1];
      const baseName = match[3];
      let messages: Element[] = [];
      let base = undefined;
      if (baseName) {
        const found = lookupRole(baseName, call.ctx, call.lineno);
        messages = found.messages;
        if (!found.role) {
          return [...messages, blockMessage(call, ERROR, `Unknown interpreted text role "${baseName}".`)];
        }
        base = found.role;
      }
      const definition = roleDefinitionFor(base);
      let options: Record<string, unknown>;
      let content: string[];
      try {
        ({ options, content } = call.ctx.parseDirectiveBlock(call.content.slice(1), call.contentOffset, definition));
      } catch (e) {
        return [...messages, blockMessage(call, ERROR, `Error in "${call.name}" directive:\n${(e as Error).message}.`)];
      }
      if (!("class" in options)) {
        try {
          options.class = classNames(newName);
        } catch (e) {
          return [...messages, blockMessage(call, ERROR, `Invalid argument for "${call.name}" directive:\n${(e as Error).message}.`)];
        }
      }
      // A role based on one that takes a language (code) is named after its language by default.
      if (definition.optionSpec && "language" in definition.optionSpec && !("language" in options)) options.language = newName;
      defineCustomRole(call.ctx, newName, base, options, content);
      return messages;
    },
  }),
  "default-role": directive({
    optionalArguments: 1,
    run(call) {
      if (!call.arguments.length) {
        call.ctx.memo.defaultRole = "";
        return [];
      }
      const name = call.arguments[0];
      const found = lookupRole(name, call.ctx, call.lineno);
      if (!found.role) return [...found.messages, blockMessage(call, ERROR, `Unknown interpreted text role "${name}".`)];
      call.ctx.memo.defaultRole = name;
      return found.messages;
    },
  }),
  title: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    run(call) {
      call.ctx.document.set("title", call.arguments[0]);
      return [];
    },
  }),
  date: directive({
    hasContent: true,
    run(call) {
      requireSubstitution(call);
      const format = call.content.join("\n") || "%Y-%m-%d";
      // Reproducible builds: SOURCE_DATE_EPOCH (seconds, UTC) replaces the current time.
      const epoch = process.env.SOURCE_DATE_EPOCH;
      if (epoch && /^\d+$/.test(epoch.trim())) return [new Text(strftime(format, new Date(Number(epoch.trim()) * 1000), true))];
      return [new Text(strftime(format, new Date()))];
    },
  }),
  "restructuredtext-test-directive": directive({
    optionalArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: { option: unchangedRequired },
    hasContent: true,
    run(call) {
      const head = `Directive processed. Type="${call.name}", arguments=${pyRepr(call.arguments)}, options=${pyRepr(call.options)}, content:`;
      if (call.content.length) {
        const text = call.content.join("\n");
        return [call.ctx.reporter.info(head, [literalBlock(text)], { line: call.lineno })];
      }
      return [call.ctx.reporter.info(`${head} None`, [], { line: call.lineno })];
    },
  }),
};

