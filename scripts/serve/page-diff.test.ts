import { describe, expect, it } from "vitest";
import { changedSection } from "./page-diff.ts";

const page = (a: string, b: string) =>
  `<nav><a href="#one">One</a></nav><main><section id="one"><h2>One</h2><p>${a}</p><section id="one-a"><h3>A</h3><p>${b}</p></section></section><section id="two"><p>x</p></section></main>`;

describe("changedSection", () => {
  it("finds the smallest section that holds the change, with its new HTML", () => {
    expect(changedSection(page("a", "b"), page("a", "B!"))).toEqual({ id: "one-a", html: '<section id="one-a"><h3>A</h3><p>B!</p></section>' });
    expect(changedSection(page("a", "b"), page("A", "b"))?.id).toBe("one");
    expect(changedSection(page("a", "b"), page("A", "B"))?.id).toBe("one");
  });

  it("gives nothing when the change is outside every section, or the pages are the same", () => {
    expect(changedSection(page("a", "b"), page("a", "b").replace("<a href", "<a class=x href"))).toBeUndefined();
    expect(changedSection(page("a", "b"), page("a", "b"))).toBeUndefined();
  });
});
