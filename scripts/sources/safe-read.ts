// The one way a source file is read. Whoever names the file (targets.yaml, a
// `$ref`, a folder listing), the same rules hold:
// - the path must lie inside the root of the spec tree, and so must its real
//   path once symbolic links are followed;
// - only regular files are read: a FIFO, a socket, a device or a folder is an
//   error naming it (opening is non-blocking, so a FIFO cannot hang the read);
// - a file larger than MAX_SOURCE_BYTES is refused unread;
// - the bytes must be valid UTF-8; the first invalid byte is an error at its
//   line and column.
// Problems come back as a Diagnostic, placed where the file was named when the
// caller says where that is (`from`), else at the file itself.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { MAX_SOURCE_BYTES } from "./limits.ts";

export type Where = Pick<Diagnostic, "file" | "line" | "column" | "pointer">;

export type SafeRead =
  | { ok: true; text: string; /** Real path. */ real: string; /** Real path relative to the root, forward slashes. */ rel: string }
  | { ok: false; diagnostic: Diagnostic; /** Set when the file exists but is not a file or too large or not UTF-8. */ found?: boolean };

/** Whether `abs` is `dir` or lies beneath it. */
export function isInside(dir: string, abs: string): boolean {
  const r = relative(dir, abs);
  return r === "" || (r !== ".." && !r.startsWith(".." + sep) && !isAbsolute(r));
}

const slashes = (p: string) => p.split(sep).join("/");

/**
 * Where `path` (relative to `root`, which must be a real path) really is, or why it
 * may not be read: outside the root, lexically or through a symbolic link.
 * Missing files are `{ missing: true }`.
 */
export function confine(root: string, path: string, from?: Where): { real: string } | { diagnostic: Diagnostic; missing?: boolean } {
  const lexical = resolve(root, path);
  const shown = isInside(root, lexical) ? slashes(relative(root, lexical)) : path;
  const where = from ?? { file: shown };
  if (isAbsolute(path) && !isInside(root, lexical)) {
    return { diagnostic: error("path-outside-root", `\`${path}\` is an absolute path outside the spec tree; it is not read.`, where) };
  }
  if (!isInside(root, lexical)) {
    return { diagnostic: error("path-outside-root", `\`${path}\` lies outside the root of the spec tree; it is not read.`, where) };
  }
  let real: string;
  try {
    real = realpathSync(lexical);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return { missing: true, diagnostic: error("file-missing", `The file \`${shown}\` does not exist.`, where) };
    }
    return { diagnostic: error("file-unreadable", `The file \`${shown}\` cannot be read (${code ?? (e as Error).message}).`, where) };
  }
  if (!isInside(root, real)) {
    return {
      diagnostic: error("path-outside-root", `\`${shown}\` passes through a symbolic link that leads outside the spec tree; it is not read.`, where),
    };
  }
  return { real };
}

/** Read the source file at `path` (relative to the real path `root`) under the rules above. */
export function readSourceFile(root: string, path: string, from?: Where): SafeRead {
  const confined = confine(root, path, from);
  if ("diagnostic" in confined) return { ok: false, diagnostic: confined.diagnostic };
  const real = confined.real;
  const rel = slashes(relative(root, real));
  const where = from ?? { file: rel };
  const bytes = readRegularFile(real, rel, where);
  if (isDiagnostic(bytes)) return { ok: false, diagnostic: bytes, found: true };
  const decoded = decodeUtf8(bytes, rel);
  if (typeof decoded !== "string") return { ok: false, diagnostic: decoded, found: true };
  return { ok: true, text: decoded, real, rel };
}

export function isDiagnostic(x: Uint8Array | Diagnostic): x is Diagnostic {
  return !(x instanceof Uint8Array);
}

/** The bytes of a regular file, or a diagnostic: not a regular file, too large, unreadable. */
export function readRegularFile(real: string, rel: string, where: Where): Uint8Array | Diagnostic {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO with no writer returns at once instead of waiting.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return error("file-unreadable", `The file \`${rel}\` cannot be read (${code ?? (e as Error).message}).`, where);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      return error("not-a-file", `\`${rel}\` is ${kindOf(stats)}, not a regular file; only regular files are read.`, where);
    }
    if (stats.size > MAX_SOURCE_BYTES) {
      return error(
        "file-too-large",
        `\`${rel}\` is ${megabytes(stats.size)}; source files are limited to ${megabytes(MAX_SOURCE_BYTES)}.`,
        where,
      );
    }
    // Read up to the limit plus one byte: a file that grows while it is read is caught too.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, MAX_SOURCE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > MAX_SOURCE_BYTES) {
          return error("file-too-large", `\`${rel}\` is larger than ${megabytes(MAX_SOURCE_BYTES)}, the limit for source files.`, where);
        }
        break;
      }
    }
    return buffer.subarray(0, length);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return error("file-unreadable", `The file \`${rel}\` cannot be read (${code ?? (e as Error).message}).`, where);
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: import("node:fs").Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of UTF-8 bytes, or an error at the first byte that is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string): string | Diagnostic {
  try {
    return strict.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    // The column counts characters, as everywhere else: decode the valid start of the line.
    const column = strict.decode(bytes.subarray(lineStart, offset)).length + 1;
    const byte = bytes[offset]?.toString(16).padStart(2, "0").toUpperCase() ?? "end of file";
    return error("invalid-utf8", `This file is not valid UTF-8: the byte 0x${byte} here starts no valid character.`, { file, line, column });
  }
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence (bytes.length when all are valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return i;
}
