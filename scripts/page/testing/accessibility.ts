// axe-core (through @axe-core/playwright) on the built page, on a desktop and
// on a phone, light and dark: no critical or serious violation (nor any
// other, but those are only reported).
//
// axe takes minutes over the whole page (21,000 elements) on a shared
// machine, so the tests run it on the page cut down to a sample that holds
// every kind of content: the header, the whole contents, the first top-level
// section (prose, lists, tables, code), an operation with nested types
// (createRoom), and an event. `npm run screenshots -- --axe` runs it on the
// whole page.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { VIEWPORTS } from "../chromium.ts";
import type { BrowserFixture } from "./fixture.ts";

const SERIOUS = new Set(["critical", "serious"]);

/** Sections kept (with their ancestors) when the page is cut down to a sample. */
export const SAMPLE = ["matrix-specification", "post-matrix-client-api-v1-createroom", "m-room-member"];

/** Removes every section that neither is in `ids`, nor holds one, nor sits inside one; returns how many of `ids` were found. */
export async function keepSample(page: Page, ids: readonly string[]): Promise<number> {
  return page.evaluate((keep) => {
    const kept = keep.map((id) => document.getElementById(id)).filter((el): el is HTMLElement => el !== null);
    for (const section of [...document.querySelectorAll(".content section")]) {
      if (!section.isConnected) continue;
      if (kept.some((k) => k === section || section.contains(k) || k.contains(section))) continue;
      section.remove();
    }
    return kept.length;
  }, ids);
}

/** axe-core on the page as it is, run inside it (legacy mode: no second page to merge results in), violations only. */
export function axe(page: Page) {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ preload: false, resultTypes: ["violations"] }).analyze();
}

export function accessibilitySuite(fx: () => BrowserFixture, results: Map<string, string[]>): void {
  // Both screens, and both colour schemes: the desktop light, the phone dark.
  const runs = [
    { device: "desktop", viewport: VIEWPORTS.desktop, scheme: "light" },
    { device: "phone", viewport: VIEWPORTS.phone, scheme: "dark" },
  ] as const;
  for (const { device, viewport, scheme } of runs) {
    {
      it(`has no critical or serious axe violation on a ${device} (${viewport.width}×${viewport.height}, ${scheme})`, async () => {
        const page = await fx().open(viewport, { colorScheme: scheme });
        const kept = await keepSample(page, SAMPLE);
        expect(kept).toBe(SAMPLE.length);
        const { violations } = await axe(page);
        results.set(`${device} ${scheme}`, violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`));
        const serious = violations.filter((v) => SERIOUS.has(v.impact ?? "")).map((v) => `${v.id} (${v.impact}): ${v.nodes.length} elements, e.g. ${v.nodes[0]?.target.join(" ")}`);
        expect(serious).toEqual([]);
        await page.close();
      }, 120_000);
    }
  }
}
