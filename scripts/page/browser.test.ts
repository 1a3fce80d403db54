// End to end in Debian's Chromium (playwright-core): the built page of the
// repository opened from file://, its contents followed to their sections, the
// current section marked, the drawer on a narrow screen, and no console errors
// or requests leaving the page's folder. Skipped when /usr/bin/chromium is absent.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { runBuild } from "../build/build.ts";

const CHROMIUM = "/usr/bin/chromium";
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping the browser tests: ${CHROMIUM} is not installed`);

describe.skipIf(!hasChromium)("the built page in Chromium", () => {
  let browser: Browser;
  let url: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), "build-browser-"));
    const result = await runBuild({ root: REPO, out });
    expect(result.ok).toBe(true);
    url = pathToFileURL(join(out, result.version!, "index.html")).href;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) problems.push(`request outside the page's folder: ${r.url()}`);
    });
    page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
    await page.goto(url);
    return page;
  }

  it("follows contents links to their sections and marks the current one", async () => {
    const page = await open(1280, 800);
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
    await page.close();
  }, 60_000);

  it("opens the branch being read and lets a deeper entry be followed", async () => {
    const page = await open(1280, 800);
    const parent = await page.$eval(".toc-depth-2 > li.toc-has-children > a", (a) => a.getAttribute("href")!.slice(1));
    const deepSelector = `.toc li[data-target="${parent}"] > .toc-depth-3 > li > a`;
    expect(await page.isVisible(deepSelector)).toBe(false);
    await page.click(`.toc a[href="#${parent}"]`);
    await page.waitForSelector(deepSelector, { state: "visible" });
    const child = await page.$eval(deepSelector, (a) => a.getAttribute("href")!.slice(1));
    await page.click(deepSelector);
    await page.waitForFunction((target) => document.querySelector(".toc .is-current")?.getAttribute("data-target") === target, child, { timeout: 3000 });
    await page.close();
  }, 60_000);

  it("turns the contents into a drawer on a narrow screen", async () => {
    const page = await open(390, 800);
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
    await page.close();
  }, 60_000);

  it("logs no console errors and makes no request outside its folder", () => {
    expect(problems).toEqual([]);
  });
});
