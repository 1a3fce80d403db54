// What a reader downloads: the page and every file it asks for, search
// included, compressed with gzip as a server would send it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * The page before the search, the theme's new features and the type links
 * (commit 74968a4): index.html 117,720 + theme.css 3,909 + theme.js 1,550
 * bytes with gzip -6. The page with its search may weigh at most 1.5 times this.
 */
export const BASELINE_GZIP_BYTES = 123_179;

/** Each requested file:// URL (once) with its size and its gzip size. */
export function transferSizes(urls: Iterable<string>): { file: string; bytes: number; gzip: number }[] {
  return [...new Set(urls)]
    .filter((u) => u.startsWith("file:"))
    .map((u) => {
      const data = readFileSync(fileURLToPath(u.split("#")[0]));
      return { file: u.slice(u.lastIndexOf("/") + 1), bytes: data.length, gzip: gzipSync(data, { level: 6 }).length };
    });
}
