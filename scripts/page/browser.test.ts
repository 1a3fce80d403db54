// End to end in Debian's Chromium (playwright-core): the built page of the
// repository opened from file://, one build and one browser for every suite.
// Here: the contents followed to their sections, the current section marked,
// the drawer on a narrow screen; the suites in ./testing/ check the reader's
// features, the phone layout and accessibility; at the end, no console error
// and no request leaving the page's folder, and the page's weight. Skipped
// when /usr/bin/chromium is absent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, CHROMIUM } from "./chromium.ts";
import { accessibilitySuite } from "./testing/accessibility.ts";
import { type BrowserFixture, createFixture } from "./testing/fixture.ts";
import { phoneSuite } from "./testing/phone.ts";
import { readerSuite } from "./testing/reader.ts";
import { BASELINE_GZIP_BYTES, transferSizes } from "./testing/weight.ts";

if (!hasChromium()) console.warn(`skipping the browser tests: ${CHROMIUM} is not installed`);

describe.skipIf(!hasChromium())("the built page in Chromium", () => {
  let fixture: BrowserFixture;
  const fx = () => fixture;
  const axe = new Map<string, string[]>();

  beforeAll(async () => {
    fixture = await createFixture();
  }, 120_000);

  afterAll(async () => {
    await fixture?.browser.close();
    if (process.env.MATRIX_DOC_REPORT) for (const [where, list] of axe) console.log(`axe ${where}: ${list.join(", ") || "no violation"}`);
  });

  it("follows contents links to their sections and marks the current one", async () => {
    const page = await fixture.shared("desktop");
    // The first and second levels of the contents are always shown.
    const targets = await page.$$eval(".toc-depth-1 > li > a, .toc-depth-2 > li > a", (links) => links.map((a) => a.getAttribute("href")!.slice(1)));
    expect(targets.length).toBeGreaterThan(30);
    const sample = targets.filter((_, i) => i % 4 === 0).slice(0, 14);
    for (const id of sample) {
      await page.click(`.toc a[href="#${id}"]`);
      await page.waitForFunction((target) => location.hash === `#${target}`, id);
      const state = await page.evaluate((target) => {
        const section = document.getElementById(target)!;
        const header = document.querySelector(".site-header")!.getBoundingClientRect().bottom;
        const top = section.getBoundingClientRect().top;
        return { top, header, height: innerHeight, atEnd: Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 2 };
      }, id);
      // The section's top is just below the sticky header (or the page is scrolled to its end).
      expect(state.top).toBeGreaterThanOrEqual(state.header - 1);
      if (!state.atEnd) expect(state.top).toBeLessThan(state.header + 60);
      if (!state.atEnd) {
        await page.waitForFunction((target) => document.querySelector(".toc .is-current")?.getAttribute("data-target") === target, id, { timeout: 3000 });
      }
    }
  }, 60_000);

  it("opens the branch being read and lets a deeper entry be followed", async () => {
    const page = await fixture.shared("desktop");
    const parent = await page.$eval(".toc-depth-2 > li.toc-has-children > a", (a) => a.getAttribute("href")!.slice(1));
    const deepSelector = `.toc li[data-target="${parent}"] > .toc-depth-3 > li > a`;
    expect(await page.isVisible(deepSelector)).toBe(false);
    await page.click(`.toc a[href="#${parent}"]`);
    await page.waitForSelector(deepSelector, { state: "visible" });
    const child = await page.$eval(deepSelector, (a) => a.getAttribute("href")!.slice(1));
    await page.click(deepSelector);
    await page.waitForFunction((target) => document.querySelector(".toc .is-current")?.getAttribute("data-target") === target, child, { timeout: 3000 });
  }, 60_000);

  it("turns the contents into a drawer on a narrow screen", async () => {
    const page = await fixture.shared("phone");
    const toc = page.locator("#page-toc");
    const offscreen = async () => (await toc.boundingBox())!.x + (await toc.boundingBox())!.width <= 1;
    expect(await offscreen()).toBe(true);
    await page.click(".toc-toggle");
    await page.waitForFunction(() => document.getElementById("page-toc")!.getBoundingClientRect().left >= 0);
    const id = await page.$eval(".toc-depth-1 > li:nth-child(2) > a", (a) => a.getAttribute("href")!.slice(1));
    await page.click(`.toc a[href="#${id}"]`);
    await page.waitForFunction((target) => location.hash === `#${target}`, id);
    await page.waitForFunction(() => document.getElementById("page-toc")!.getBoundingClientRect().right <= 1);
    // Nothing is wider than the screen but the things that scroll on their own.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 60_000);

  describe("the reader's features", () => readerSuite(fx));
  describe("on a phone", () => phoneSuite(fx));
  describe("accessibility", () => accessibilitySuite(fx, axe));

  it("weighs at most 1.5 times the page before the search, search index included", () => {
    // What a reader of index.html downloads (the theme test opens the how-to page too).
    const files = transferSizes(fixture.requests.filter((u) => !/\/howtos\.[^/]*$/.test(u)));
    const names = files.map((f) => f.file);
    for (const name of ["index.html", "theme.css", "theme.js", "minisearch.js", "index.search.js"]) expect(names).toContain(name);
    const total = files.reduce((sum, f) => sum + f.gzip, 0);
    if (process.env.MATRIX_DOC_REPORT) console.log(`page weight: ${files.map((f) => `${f.file} ${f.gzip}`).join(", ")}; total ${total} bytes gzip (${(total / BASELINE_GZIP_BYTES).toFixed(2)}× the baseline)`);
    expect(total).toBeLessThanOrEqual(1.5 * BASELINE_GZIP_BYTES);
  });

  it("logs no console errors and makes no request outside its output folder", () => {
    expect(fixture.requests.length).toBeGreaterThan(10);
    expect(fixture.requests.filter((u) => !u.startsWith(fixture.outUrl))).toEqual([]);
    expect(fixture.problems).toEqual([]);
  });
});
