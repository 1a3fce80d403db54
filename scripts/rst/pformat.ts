// docutils' pseudo-XML (Node.pformat()): one line per element start tag, text
// lines indented below, four spaces per level.
import { type AttrValue, Element, type Node, Text } from "./nodes.ts";

/** docutils' serial_escape for list attribute values: backslash and space escaped. */
function serialEscape(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/ /g, "\\ ");
}

function attrString(value: AttrValue): string {
  if (value === null) return "True";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Array.isArray(value)) return value.map(serialEscape).join(" ");
  return String(value);
}

/** The start tag as docutils' starttag() prints it in pseudo-XML. */
export function startTag(node: Element): string {
  const parts = [node.tagname];
  const names = Object.keys(node.attributes).sort();
  for (const name of names) {
    const value = node.attributes[name];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    parts.push(`${name}="${attrString(value)}"`);
  }
  return `<${parts.join(" ")}>`;
}

/** Python's str.splitlines() (without keepends). */
export function splitLines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Python's repr() for the values pending nodes carry in `details`. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let body = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t").replace(/\r/g, "\\r");
    body = body.replace(/[\x00-\x1f\x7f]/g, (c) => "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0"));
    if (quote === "'") body = body.replace(/'/g, "\\'");
    return quote + body + quote;
  }
  if (Array.isArray(value)) return "[" + value.map(pyRepr).join(", ") + "]";
  if (value instanceof Element || value instanceof Text) return pformat(value).trimEnd();
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return "{" + entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(", ") + "}";
  }
  return String(value);
}

/** The "internal attributes" lines docutils prints after a pending node. */
function pendingInternals(node: Element): string[] {
  const lines = [".. internal attributes:", `     .transform: ${node.transform ?? ""}`, "     .details:"];
  const details = node.details ?? {};
  for (const key of Object.keys(details).sort()) {
    const value = details[key];
    const nodes = value instanceof Element || value instanceof Text ? [value]
      : Array.isArray(value) && value.length && (value[0] instanceof Element || value[0] instanceof Text) ? (value as Node[])
      : null;
    if (nodes) {
      lines.push(`       ${key}:`);
      for (const n of nodes) for (const l of splitLines(pformat(n))) lines.push(`         ${l}`);
    } else {
      lines.push(`       ${key}: ${pyRepr(value)}`);
    }
  }
  return lines;
}

export function pformat(root: Node, indent = "    "): string {
  const out: string[] = [];
  // Iterative walk: deep documents must not overflow the stack. A string on the
  // stack is output emitted after an element's children (a pending node's internals).
  const stack: Array<[Node | string, number]> = [[root, 0]];
  while (stack.length) {
    const [node, level] = stack.pop()!;
    const pad = indent.repeat(level);
    if (typeof node === "string") {
      out.push(node);
    } else if (node instanceof Text) {
      for (const line of splitLines(node.astext())) out.push(pad + line + "\n");
    } else if (node instanceof Element) {
      out.push(pad + startTag(node) + "\n");
      if (node.tagname === "pending") {
        stack.push([pendingInternals(node).map((l) => `    ${pad}${l}\n`).join(""), level]);
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], level + 1]);
    }
  }
  return out.join("");
}
