import { describe, expect, it } from "vitest";
import { plural, useColor } from "./color.ts";

describe("colour in the terminal", () => {
  it("follows the terminal, unless NO_COLOR or FORCE_COLOR says otherwise", () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: "0" })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: "" })).toBe(false);
    // NO_COLOR wins over FORCE_COLOR.
    expect(useColor({ isTTY: false }, { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
  });

  it("counts in the singular for one", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(0, "error")).toBe("0 errors");
    expect(plural(2, "warning")).toBe("2 warnings");
  });
});
