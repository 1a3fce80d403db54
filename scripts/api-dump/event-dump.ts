// Every event schema of the tree in one JSON document, keyed by file name
// (`m.room.message`, `m.room.message#m.text`), each with its `$ref`s inlined.
// `matrix-doc diff` compares event types and their content fields with it.
import type { EventSchemaSet } from "../sources/event-schemas.ts";

export const EVENTS_FILE = "event-schemas.json";

export interface EventDump {
  version: string;
  events: Record<string, unknown>;
}

export function eventDump(events: EventSchemaSet, version: string): EventDump {
  const out: Record<string, unknown> = {};
  for (const s of [...events.schemas].sort((a, b) => a.name.localeCompare(b.name))) out[s.name] = s.resolved;
  return { version, events: JSON.parse(JSON.stringify(out)) as Record<string, unknown> };
}
