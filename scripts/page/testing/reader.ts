// The reader's features on a desktop screen: search, type links and nested
// types opened in place, operation summaries, light/dark, copy buttons,
// previous/next links and the printed contents.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { VIEWPORTS } from "../chromium.ts";
import { type BrowserFixture, REPO, sectionPlacement } from "./fixture.ts";

const CREATE_ROOM = "post-matrix-client-api-v1-createroom";

/** The `summary` of every operation of the Swagger files under api/. */
export function operationSummaries(root = REPO): string[] {
  const summaries: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) {
        const doc = parse(readFileSync(path, "utf8")) as { swagger?: string; paths?: Record<string, Record<string, { summary?: unknown }>> };
        if (!doc || doc.swagger !== "2.0" || !doc.paths) continue;
        for (const item of Object.values(doc.paths)) {
          for (const [method, op] of Object.entries(item ?? {})) {
            if (["get", "put", "post", "delete", "patch", "head", "options"].includes(method) && typeof op?.summary === "string") summaries.push(op.summary.replace(/\s+/g, " ").trim());
          }
        }
      }
    }
  };
  walk(join(root, "api"));
  return summaries;
}

export function readerSuite(fx: () => BrowserFixture): void {
  it("finds createRoom with the search box, focused by '/', and jumps to it", async () => {
    const page = await fx().shared("desktop");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
    await page.keyboard.type("createRoom");
    // The results are rendered (after a short pause in the typing) for what was
    // typed so far: the list may first show an earlier prefix's results. Wait
    // for the list of the whole word, whose first result is createRoom's.
    await page.waitForFunction((id) => document.querySelector(".search-result")?.getAttribute("href") === `#${id}`, CREATE_ROOM);
    const first = page.locator(".search-result").first();
    expect(await first.getAttribute("href")).toBe(`#${CREATE_ROOM}`);
    expect(await first.textContent()).toContain("POST /_matrix/client/api/v1/createRoom");
    expect(await first.textContent()).toContain("Create a new room.");
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => location.hash === `#${id}`, CREATE_ROOM);
    const placement = await sectionPlacement(page, CREATE_ROOM);
    expect(placement.top).toBeGreaterThanOrEqual(placement.header - 1);
    expect(placement.top).toBeLessThan(placement.header + 60);
    expect(await page.isVisible("#search-results")).toBe(false);
    // A field name deep in a table finds its section too; nonsense finds nothing.
    await page.fill("#search-input", "room_alias_name");
    await page.waitForSelector(`.search-result[href="#${CREATE_ROOM}"]`);
    await page.fill("#search-input", "qwxzzy");
    await page.waitForSelector(".search-empty");
    expect(await page.locator(".search-result").count()).toBe(0);
    await page.keyboard.press("Escape");
  }, 30_000);

  it("links every named type to its table, and opens it in place", async () => {
    const page = await fx().shared("desktop");
    const cells = await page.$$eval("table.field-table > tbody > tr > td:nth-child(2)", (tds) =>
      tds.map((td) => {
        const table = td.closest("table")!;
        const section = table.closest("section")!;
        const captions = [...section.querySelectorAll(":scope > .table-wrapper > table > caption, :scope > * .table-wrapper > table > caption")].map((c) => c.textContent!.trim());
        const links = [...td.querySelectorAll("a")].map((a) => {
          const target = document.getElementById(decodeURIComponent(a.getAttribute("href")!.slice(1)));
          return { text: a.textContent!.trim(), tag: target?.tagName, caption: target?.querySelector("caption")?.textContent?.trim() };
        });
        return { text: td.textContent!.replace(/[+\u2212]/g, "").trim(), links, captions };
      }),
    );
    const named = cells.filter((c) => /[A-Z]/.test(c.text.replace(/\bor\b/g, "")));
    expect(named.length).toBeGreaterThanOrEqual(60);
    for (const cell of named) {
      // Each capitalised name in a Type cell is a link, and lands on a table captioned with that name.
      const names = cell.text.match(/[A-Z][\w]*(?: [A-Z][\w]*)*/g) ?? [];
      expect(cell.links.map((l) => l.text), cell.text).toEqual(names);
      for (const link of cell.links) expect(link, cell.text).toMatchObject({ tag: "TABLE", caption: link.text });
    }
    const link = page.locator(`#${CREATE_ROOM} a.type-link`, { hasText: "CreationContent" });
    const href = (await link.getAttribute("href"))!.slice(1);
    // Opened in place: a row under the field holding a copy of the type's table.
    const button = page.locator(`#${CREATE_ROOM} a.type-link:has-text("CreationContent") + .type-expand`);
    await button.click();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const inline = page.locator(`#${CREATE_ROOM} tr.type-inline`);
    expect(await inline.locator("caption").textContent()).toBe("CreationContent");
    expect(await inline.locator("[id]").count()).toBe(0);
    await button.click();
    expect(await inline.count()).toBe(0);
    // Following the link lands on the table.
    await link.click();
    await page.waitForFunction((id) => location.hash === `#${id}`, href);
    const placement = await sectionPlacement(page, href);
    expect(placement.tag).toBe("TABLE");
    expect(placement.top).toBeGreaterThanOrEqual(placement.header - 1);
    expect(placement.top).toBeLessThan(placement.header + 60);
  }, 30_000);

  it("shows the summary of every operation as its title line", async () => {
    const summaries = operationSummaries();
    expect(summaries.length).toBeGreaterThanOrEqual(40);
    const page = await fx().shared("desktop");
    const shown = await page.$$eval("h1 .operation-summary, h2 .operation-summary, h3 .operation-summary, h4 .operation-summary, h5 .operation-summary, h6 .operation-summary", (els) =>
      els.filter((e) => e.checkVisibility() && e.getBoundingClientRect().height > 0).map((e) => e.textContent!.replace(/\s+/g, " ").trim()),
    );
    for (const summary of summaries) expect(shown, summary).toContain(summary);
    // The route follows it in the same heading, and the contents give the summary as a subtitle.
    expect(await page.textContent(`#${CREATE_ROOM} > :is(h2, h3, h4, h5) .operation-route`)).toContain("POST");
    expect(await page.textContent(`.toc li[data-target="${CREATE_ROOM}"] .toc-summary`)).toBe("Create a new room.");
    expect(await page.textContent(`#${CREATE_ROOM} .operation-badges`)).toMatch(/Requires auth\s*Rate-limited/);
    expect(await page.textContent(`#${CREATE_ROOM} pre.http`)).toMatch(/^POST \/_matrix\/client\/api\/v1\/createRoom\?access_token=YOUR_ACCESS_TOKEN HTTP\/1\.1/);
  }, 30_000);

  // On the how-to page: the same theme script and style sheet as index.html, on a
  // page thirty times smaller, loaded four times here (index.html in the dark is
  // in the accessibility suite's phone run).
  it("switches to dark, remembers it, and follows the system setting until then", async () => {
    const page = await fx().open(VIEWPORTS.desktop, { colorScheme: "light", file: "howtos.html" });
    const colours = () =>
      page.evaluate(() => {
        const luminance = (c: string) => {
          const [r, g, b] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        };
        const code = document.querySelector("pre .hljs-string")!;
        return { body: luminance(getComputedStyle(document.body).backgroundColor), code: luminance(getComputedStyle(code).color), pressed: document.querySelector(".theme-toggle")!.getAttribute("aria-pressed") };
      });
    const light = await colours();
    expect(light.body).toBeGreaterThan(0.9);
    expect(light.pressed).toBe("false");
    await page.click(".theme-toggle");
    const dark = await colours();
    expect(dark.body).toBeLessThan(0.15);
    expect(dark.pressed).toBe("true");
    // Highlighted strings change colour with the background: light on dark.
    expect(dark.code).toBeGreaterThan(light.code + 0.3);
    await page.reload();
    expect((await colours()).body).toBeLessThan(0.15);
    await page.click(".theme-toggle");
    await page.reload();
    expect((await colours()).body).toBeGreaterThan(0.9);
    await page.close();
    const system = await fx().open(VIEWPORTS.desktop, { colorScheme: "dark", file: "howtos.html" });
    expect(await system.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgb(255, 255, 255)");
    expect(await system.getAttribute(".theme-toggle", "aria-pressed")).toBe("true");
    await system.close();
  }, 30_000);

  it("copies an example, and a heading's address, to the clipboard", async () => {
    const page = await fx().shared("desktop");
    await page.evaluate((id) => (location.hash = id), CREATE_ROOM);
    const box = page.locator(`#${CREATE_ROOM} .code-box`).first();
    const text = await box.locator("pre").textContent();
    await box.locator(".copy-button").click();
    await page.waitForFunction(() => [...document.querySelectorAll(".copy-button")].some((b) => b.textContent === "Copied"));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text!.replace(/\n$/, ""));
    expect(text).toContain("createRoom");
    expect(await page.locator(".content pre").count()).toBe(await page.locator(".content .code-box > .copy-button").count());
    await page.locator(`#${CREATE_ROOM} .self-link`).first().click();
    await page.waitForFunction(() => document.querySelector(".self-link.is-copied"));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${fx().url}#${CREATE_ROOM}`);
  }, 30_000);

  it("ends each top-level section with previous and next links, and prints the contents", async () => {
    const page = await fx().shared("desktop");
    const top = await page.$$eval(".toc-depth-1 > li", (lis) => lis.map((li) => li.getAttribute("data-target")!));
    expect(top.length).toBeGreaterThan(2);
    const pagers = await page.$$eval(".section-pager", (navs) => navs.map((n) => ({ section: n.parentElement!.id, prev: n.querySelector("a[rel=prev]")?.getAttribute("href"), next: n.querySelector("a[rel=next]")?.getAttribute("href") })));
    expect(pagers.map((p) => p.section)).toEqual(top);
    pagers.forEach((p, i) => {
      expect(p.prev).toBe(i > 0 ? `#${top[i - 1]}` : undefined);
      expect(p.next).toBe(i < top.length - 1 ? `#${top[i + 1]}` : undefined);
    });
    await page.click(`#${top[0]} > .section-pager a[rel=next]`);
    await page.waitForFunction((id) => location.hash === `#${id}`, top[1]);
    await page.emulateMedia({ media: "print" });
    const print = await page.evaluate(() => ({
      toc: getComputedStyle(document.getElementById("page-toc")!).display,
      entry: (document.querySelector(".toc-depth-3 > li > a") as HTMLElement).offsetHeight,
      number: document.querySelector(".toc-depth-3 .toc-number")!.textContent,
      search: getComputedStyle(document.querySelector(".site-search")!).display,
      pager: getComputedStyle(document.querySelector(".section-pager")!).display,
    }));
    expect(print).toMatchObject({ search: "none", pager: "none" });
    expect(print.toc).not.toBe("none");
    expect(print.entry).toBeGreaterThan(0);
    expect(print.number).toMatch(/^\d+\.\d+\.\d+$/);
    await page.emulateMedia({ media: "screen" });
  }, 30_000);
}
