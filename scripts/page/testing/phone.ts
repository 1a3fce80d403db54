// The page on a phone (390×844): whole words in every table cell, the
// header's links in the drawer, the title in full, and nothing wider than the
// screen but what scrolls on its own.
import { expect, it } from "vitest";
import type { BrowserFixture } from "./fixture.ts";

export function phoneSuite(fx: () => BrowserFixture): void {
  it("keeps every word of every table cell whole and inside its cell", async () => {
    const page = await fx().shared("phone");
    const report = await page.evaluate(() => {
      const broken: string[] = [];
      let words = 0;
      const cells = document.querySelectorAll(".content td, .content th");
      for (const cell of cells) {
        const box = cell.getBoundingClientRect();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT, {
          acceptNode: (n) => (n.parentElement!.closest("pre, button") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          // Words as a line may break them: at spaces, and after a hyphen.
          for (const m of node.data.matchAll(/[^\s-]+-?|-/g)) {
            const range = document.createRange();
            range.setStart(node, m.index!);
            range.setEnd(node, m.index! + m[0].length);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            words++;
            // One box per word (a word split over two lines has two), inside the cell.
            const wide = rects.length === 1 && rects[0].width > box.width + 0.5;
            const outside = rects.length === 1 && (rects[0].left < box.left - 0.5 || rects[0].right > box.right + 0.5);
            if (rects.length > 1 || wide || outside) broken.push(`${m[0]} (${rects.length} boxes, ${Math.round(rects[0]?.width ?? 0)}px in a ${Math.round(box.width)}px cell)`);
          }
        }
      }
      return { cells: cells.length, words, broken: broken.slice(0, 20), count: broken.length };
    });
    expect(report.cells).toBeGreaterThan(500);
    expect(report.words).toBeGreaterThan(5000);
    expect(report.broken).toEqual([]);
  }, 60_000);

  it("holds the header's links in the drawer and shows the whole title", async () => {
    const page = await fx().shared("phone");
    const header = await page.evaluate(() => {
      const title = document.querySelector(".site-title") as HTMLElement;
      const r = title.getBoundingClientRect();
      const others = [...document.querySelectorAll(".site-header > *")].filter((e) => e !== title && (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect());
      return {
        text: title.innerText,
        clipped: title.scrollWidth > title.clientWidth + 1,
        inside: r.left >= 0 && r.right <= innerWidth,
        overlaps: others.some((o) => o.left < r.right - 1 && o.right > r.left + 1),
        navVisible: (document.querySelector(".site-nav") as HTMLElement).offsetParent !== null,
      };
    });
    expect(header).toEqual({ text: "Matrix Specification", clipped: false, inside: true, overlaps: false, navVisible: false });
    await page.click(".toc-toggle");
    await page.waitForFunction(() => document.getElementById("page-toc")!.getBoundingClientRect().left >= 0);
    const links = page.locator("#page-toc .drawer-nav a");
    expect(await links.allTextContents()).toEqual(["Specification", "Client-server how-to", "client-server API (JSON)", "All versions"]);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    expect(await page.getAttribute(".toc-toggle", "aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.getElementById("page-toc")!.getBoundingClientRect().right <= 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  }, 30_000);

  it("opens the search over the header and jumps to a result", async () => {
    const page = await fx().shared("phone");
    await page.click("#search-input");
    const box = await page.locator(".site-search").boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await page.keyboard.type("createRoom");
    // Results show for what was typed so far: wait for the whole word's list before following its first result.
    await page.waitForFunction(() => document.querySelector(".search-result")?.getAttribute("href") === "#post-matrix-client-api-v1-createroom");
    await page.locator(".search-result").first().click();
    await page.waitForFunction(() => location.hash === "#post-matrix-client-api-v1-createroom");
  }, 30_000);
}
