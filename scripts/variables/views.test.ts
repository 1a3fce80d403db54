import { describe, expect, it } from "vitest";
import { publishDoctree } from "../rst/index.ts";
import { fieldTableViews, typeCell, typeTargetName } from "./views.ts";

const origin = { file: "api/x.yaml", line: 1 };

describe("type cells", () => {
  const targets = new Map([
    ["Event", "POST /x response Event"],
    ["Joined Room", "POST /x response Joined Room"],
  ]);

  it("make every title with a table an anonymous reference to it", () => {
    expect(typeCell("Event", targets)).toBe("`Event <POST /x response Event_>`__");
    expect(typeCell("[Event]", targets)).toBe("[`Event <POST /x response Event_>`__]");
    expect(typeCell("{string: Joined Room}", targets)).toBe("{string: `Joined Room <POST /x response Joined Room_>`__}");
    expect(typeCell("Event or null", targets)).toBe("`Event <POST /x response Event_>`__ or null");
  });

  it("leave other names, and names inside longer words, as escaped text", () => {
    expect(typeCell("EventContent", targets)).toBe("EventContent");
    expect(typeCell("string", targets)).toBe("string");
    expect(typeCell("*odd*", new Map())).toBe("\\*odd\\*");
  });

  it("render as links to the table's target", () => {
    const [view, eventView] = fieldTableViews(
      [
        { fields: [{ key: "chunk", type: "[Event]", description: "", required: false, origin }], origin },
        { title: "Event", fields: [{ key: "type", type: "string", description: "", required: true, origin }], origin },
      ],
      "Response body",
      "Key",
      "POST /x response",
    );
    expect(view.target).toBeUndefined();
    expect(eventView.target).toBe("POST /x response Event");
    expect(view.rows[0].cells[1]).toBe("[`Event <POST /x response Event_>`__]");
    const target = typeTargetName("POST /x response", "Event");
    const rst = `Title\n=====\n\nSee ${view.rows[0].cells[1]}.\n\n.. _${target}:\n\n.. list-table:: Event\n   :header-rows: 1\n\n   * - a\n   * - b\n`;
    const doc = publishDoctree(rst, { source: "t.rst" });
    const table = doc.findAll("table")[0];
    const ref = doc.findAll("reference")[0];
    expect(table.ids).toEqual(["post-x-response-event"]);
    expect(ref.str("refid")).toBe("post-x-response-event");
    expect(doc.findAll("system_message")).toEqual([]);
    expect(typeTargetName("m.x: a", "A`B")).toBe("m.x a A B");
  });
});
