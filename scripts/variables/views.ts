// Units turned into what the templates print: every name, type and enum value
// already quoted or escaped for RST, descriptions normalised, titles and their
// underlines made. Templates only lay these strings out.
import type { Origin } from "../diagnostics/line-map.ts";
import type { EndpointUnit, ParameterLocation } from "./units/endpoints.ts";
import type { EventUnit } from "./units/events.ts";
import { escapeText, joinCellLines, leadingBlankLines, literal, normalizeBlock, titleText } from "./units/rst-text.ts";
import type { Field, FieldTable } from "./units/schema-fields.ts";

export interface RowView {
  cells: string[];
  origin: Origin;
  /** Origins of the lines of the description cell, when they map line by line. */
  descriptionOrigins?: Origin[];
}

export interface TableView {
  caption: string;
  header: string[];
  widths: string;
  rows: RowView[];
  origin: Origin;
}

export interface CodeView {
  text: string;
  origins?: Origin[];
  origin: Origin;
}

function enumText(values: unknown[]): string {
  const shown = values.map((v) => (v === "" ? '``""``' : literal(typeof v === "string" ? v : JSON.stringify(v))));
  return `One of: [${shown.join(", ")}].`;
}

/**
 * The origins of the lines of a block made from `text` by normalizeBlock and put
 * `offset` lines into a cell: the lines before it take the first origin.
 */
export function blockOrigins(text: string, origins: Origin[] | undefined, offset = 0): Origin[] | undefined {
  if (!origins?.length || offset < 0) return undefined;
  const own = origins.slice(Math.min(leadingBlankLines(text), origins.length - 1));
  return [...Array(offset).fill(own[0]), ...own];
}

function descriptionCellLines(field: Field): { text: string; origins?: Origin[] } {
  const { text, firstBlockLine } = joinCellLines(field.required ? "**Required.**" : "", [field.description, field.enumValues?.length ? enumText(field.enumValues) : ""]);
  return { text, origins: blockOrigins(field.description, field.descriptionOrigins, firstBlockLine) };
}

/** Relative column widths from the longest line of each column (description kept widest). */
function widths(rows: string[][]): string {
  const longest = (col: number) => Math.max(10, ...rows.map((r) => Math.max(...(r[col] ?? "").split("\n").map((l) => l.length))));
  const key = Math.min(35, longest(0));
  const type = Math.min(25, longest(1));
  return `${key} ${type} ${Math.max(40, 100 - key - type)}`;
}

export function tableView(caption: string, keyHeader: string, fields: Field[], origin: Origin): TableView {
  const rows = fields.map((f): RowView => {
    const description = descriptionCellLines(f);
    return { cells: [literal(f.key), escapeText(f.type), description.text], origin: f.origin, descriptionOrigins: description.origins };
  });
  return {
    caption: escapeText(caption),
    header: [keyHeader, "Type", "Description"],
    widths: widths(rows.map((r) => r.cells)),
    rows,
    origin,
  };
}

export function fieldTableViews(tables: FieldTable[], firstCaption: string, keyHeader: string): TableView[] {
  return tables.map((t, i) => tableView(t.title ?? (i === 0 ? firstCaption : "Fields"), keyHeader, t.fields, t.origin));
}

export interface TitleChars {
  /** For the first section of a variable: one level below the title before it. */
  first: string;
  /** For the sections after it: the same level. */
  next: string;
}

export function underline(titleSource: string, char: string): string {
  return char.repeat(Math.max(3, [...titleSource].length));
}

const LOCATION_CAPTION: Record<ParameterLocation, string> = {
  path: "Path parameters",
  query: "Query parameters",
  header: "Header parameters",
  body: "JSON body parameters",
};

/** The text of an endpoint's title before escaping, e.g. `POST /_matrix/client/api/v1/login`. */
export function endpointTitle(unit: { method: string; path: string }): string {
  return `${unit.method} ${unit.path}`;
}

/** A phrase reference to a section by its title. */
export function titleReference(titleTextValue: string): string {
  return "`" + titleTextValue.replace(/([`\\<])/g, "\\$1") + "`_";
}

export function endpointView(unit: EndpointUnit, titleTextValue: string, titleChar: string, aliasChar: string) {
  const titleSource = titleText(titleTextValue);
  const tables: TableView[] = unit.parameters.map((p) => tableView(LOCATION_CAPTION[p.location], "Parameter", p.fields, p.fields[0]?.origin ?? unit.origin));
  tables.push(...fieldTableViews(unit.bodyTables, "JSON body", "Parameter"));
  const responseTables = fieldTableViews(unit.responseTables, "Response body", "Key");
  return {
    title: titleSource,
    underline: underline(titleSource, titleChar),
    origin: unit.origin,
    description: normalizeBlock(unit.description),
    descriptionOrigins: blockOrigins(unit.description, unit.descriptionOrigins),
    rateLimited: unit.rateLimited ? "Yes" : "No",
    requiresAuth: unit.requiresAuth ? "Yes" : "No",
    requestTables: tables,
    responseTables,
    responseType: unit.responseType ? escapeText(unit.responseType) : "",
    exampleRequest: unit.exampleRequest,
    responses: unit.responses.map((r) => ({
      status: escapeText(r.status),
      description: normalizeBlock(r.description),
      descriptionOrigins: blockOrigins(r.description, r.descriptionOrigins),
      origin: r.origin,
      example: r.example !== undefined ? { text: r.example.replace(/\s+$/, "") || "{}", origin: r.exampleOrigin ?? r.origin, origins: r.exampleOrigins } : undefined,
    })),
    aliases: unit.aliases.map((a) => {
      const t = titleText(endpointTitle(a));
      return { title: t, underline: underline(t, aliasChar), origin: a.origin, link: titleReference(titleTextValue) };
    }),
  };
}

export type EndpointView = ReturnType<typeof endpointView>;

export function eventView(unit: EventUnit, titleValue: string, titleChar: string) {
  const titleSource = titleText(titleValue);
  const contentCaption = unit.variant ? `Content of ${unit.type} with msgtype ${unit.variant}` : `Content of ${unit.type}`;
  return {
    title: titleSource,
    underline: underline(titleSource, titleChar),
    origin: unit.origin,
    kind: unit.kind === "state" ? "State Event" : "Message Event",
    stateKey: unit.stateKey !== undefined ? normalizeBlock(unit.stateKey) || "(not described)" : undefined,
    description: normalizeBlock(unit.description),
    descriptionOrigins: blockOrigins(unit.description, unit.descriptionOrigins),
    stateKeyOrigins: unit.stateKey !== undefined ? blockOrigins(unit.stateKey, unit.stateKeyOrigins) : undefined,
    contentType: unit.contentType ? escapeText(unit.contentType) : "",
    tables: fieldTableViews(unit.contentTables, contentCaption, "Content key"),
    example: unit.example ? { text: unit.example.text, origin: unit.example.origin, origins: unit.example.text.split("\n").map((_, i) => ({ file: unit.example!.origin.file, line: i + 1 })) } : undefined,
  };
}

export type EventView = ReturnType<typeof eventView>;
