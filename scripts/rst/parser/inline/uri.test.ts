// Standalone URIs and e-mail addresses (docutils' standalone hyperlink rules).
import { describe, expect, it } from "vitest";
import { UriScanner } from "./uri.ts";

function first(s: string): string | null {
  const m = new UriScanner(s).findFirst(0, s.length);
  return m ? s.slice(m.start, m.end) : null;
}

describe("UriScanner", () => {
  it("finds absolute URIs with query and fragment", () => {
    expect(first("go to http://a.org/p?q=1#frag now")).toBe("http://a.org/p?q=1#frag");
  });

  it("ends a URI on a character that may end one", () => {
    expect(first("(see http://a.org/x).")).toBe("http://a.org/x");
    expect(first("http://a.org/x++")).toBe("http://a.org/x++");
    expect(first("<http://a.org/x.>")).toBe("http://a.org/x.");
  });

  it("needs a start position allowed by rule 6", () => {
    expect(first("xhttp://a.org")).toBe("xhttp://a.org");
    expect(first("é:http://a.org")).toBe("http://a.org");
  });

  it("finds e-mail addresses, not escaped ones", () => {
    expect(first("mail me@example.org.")).toBe("me@example.org");
    expect(first("me\x00@example.org")).toBeNull();
  });

  it("reports the scheme (null for e-mail)", () => {
    expect(new UriScanner("ftp://x").findFirst(0, 7)?.scheme).toBe("ftp");
    expect(new UriScanner("a@b.c").findFirst(0, 5)?.scheme).toBeNull();
  });

  it("treats a range as a string of its own", () => {
    const s = "abc http://a.org/xyz";
    const m = new UriScanner(s).findFirst(4, 17);
    expect(m && s.slice(m.start, m.end)).toBe("http://a.org/");
  });

  it("recognizes whole e-mail addresses", () => {
    expect(new UriScanner("jdoe@example.com").isWholeEmail()).toBe(true);
    expect(new UriScanner("http://x.org").isWholeEmail()).toBe(false);
    expect(new UriScanner("a@b.").isWholeEmail()).toBe(false);
  });
});
