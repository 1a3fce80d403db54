// The machine tries a line only against the transitions its first character allows
// (Transition.first). These check that no line a pattern matches is ever skipped:
// every state's table, against lines starting with every character of Latin and
// of General Punctuation (where the non-ASCII bullets are), and a few others.
import { describe, expect, it } from "vitest";
import { Document } from "../document.ts";
import { Machine, type State } from "./machine.ts";
import { STATE_CLASSES } from "./states/index.ts";

function machine(): Machine {
  const document = new Document("<test>");
  const shared = { document, reporter: document.reporter, memo: {} as never, states: STATE_CLASSES, currentLine: null, currentSource: null, depth: 0, directives: () => ({ definition: undefined, info: null }), roles: () => undefined };
  return new Machine(shared, [], 0, 0, 0, document, true);
}

/** Lines that start with `c` and may match any transition: markers, adornments, tables... */
function linesStartingWith(c: string): string[] {
  return [c, c + " ", c + c, c + c + c, c + c + c + c, c + " x", c + "x", c + "x)", c + ") x", c + ". x", c + "-", c + "-+", c + "-+-+", c + "a:", c + "x: a", c + "= =", c + "==  ==", c + "-a", c + "-a, --b", c + "x:: y", c + ">> x"];
}

const CHARACTERS: string[] = [];
for (let code = 1; code < 0x250; code++) CHARACTERS.push(String.fromCharCode(code));
for (let code = 0x2000; code < 0x2070; code++) CHARACTERS.push(String.fromCharCode(code));
CHARACTERS.push("\u0416", "\u05d0", "\u3042", "\u4e00", "\uff01", "\ud83d\ude00");

describe("first-character dispatch", () => {
  const m = machine();
  for (const name of Object.keys(STATE_CLASSES)) {
    it(`${name}: every transition a line matches is among the candidates for it`, () => {
      const state: State = m.state(name);
      const all = state.table.transitions;
      let checked = 0;
      const skipped: string[] = [];
      for (const c of CHARACTERS) {
        for (const line of linesStartingWith(c)) {
          const candidates = state.table.candidates(line);
          for (const t of all) {
            if (!t.pattern.test(line)) continue;
            checked++;
            if (!candidates.includes(t)) skipped.push(`${t.name} / ${JSON.stringify(line)}`);
          }
        }
      }
      expect(skipped).toEqual([]);
      for (const t of all) if (t.pattern.test("")) expect(state.table.candidates(""), `${name} / ${t.name} / ""`).toContain(t);
      expect(checked).toBeGreaterThan(CHARACTERS.length);
    });
  }
});
