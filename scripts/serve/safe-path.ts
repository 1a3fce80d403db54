// Turning a request's URL path into a file inside the output folder, or nothing.
// Refused (the server answers 404): `..` and `.` segments, encoded or not;
// encoded slashes and backslashes, and backslashes of any kind; NUL; bad
// percent-encoding; any segment starting with a dot (dot-folders such as a
// build's `.build-*` staging folder, dot files); and a path whose real location
// (symbolic links followed) lies outside the folder.
import { realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

/** The path segments of a request path, decoded; undefined when the path is refused. */
export function requestSegments(pathname: string): string[] | undefined {
  if (!pathname.startsWith("/")) return undefined;
  if (pathname.includes("\\") || /%(2f|5c|00)/i.test(pathname)) return undefined;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment.startsWith(".")) return undefined;
    if (segment === "." || segment.includes("\0") || segment.includes("/") || segment.includes("\\")) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** Whether `path` lies inside `dir` (or is it). */
export function isInside(dir: string, path: string): boolean {
  const r = relative(dir, path);
  return r === "" || (r !== ".." && !r.startsWith(".." + sep) && !isAbsolute(r));
}

/**
 * The absolute path of the file a request names inside `root` (a real path), or
 * undefined when the path is refused or leads outside `root` through a link.
 * The file may not exist.
 */
export function resolveInside(root: string, segments: readonly string[]): string | undefined {
  const path = join(root, ...segments);
  if (!isInside(root, path)) return undefined;
  try {
    if (!isInside(root, realpathSync(path))) return undefined;
  } catch {
    // does not exist (yet): the lexical check above is what matters
  }
  return path;
}
