// The rules every source file is read under (./safe-read.ts): confined to the
// root, regular files only, a size limit, strict UTF-8 with the place of the
// first bad byte.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES } from "./limits.ts";
import { firstInvalidUtf8, readSourceFile } from "./safe-read.ts";

function root(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "safe-read-")));
  mkdirSync(join(dir, "tree/specification"), { recursive: true });
  writeFileSync(join(dir, "secret.txt"), "outside\n");
  return join(dir, "tree");
}

describe("readSourceFile", () => {
  it("reads a regular UTF-8 file inside the root", () => {
    const r = root();
    writeFileSync(join(r, "specification/a.rst"), "Title\n=====\n\nhé\n");
    expect(readSourceFile(r, "specification/a.rst")).toMatchObject({ ok: true, text: "Title\n=====\n\nhé\n", rel: "specification/a.rst" });
  });

  it("refuses a path that leaves the root, and a symbolic link that leads out of it", () => {
    const r = root();
    symlinkSync(join(r, "../secret.txt"), join(r, "specification/link.rst"));
    const a = readSourceFile(r, "specification/../../secret.txt", { file: "specification/targets.yaml", line: 3, column: 5 });
    expect(a).toMatchObject({ ok: false, diagnostic: { code: "path-outside-root", file: "specification/targets.yaml", line: 3 } });
    const b = readSourceFile(r, "specification/link.rst");
    expect(b).toMatchObject({ ok: false, diagnostic: { code: "path-outside-root", file: "specification/link.rst" } });
    expect(readSourceFile(r, "/etc/passwd")).toMatchObject({ ok: false, diagnostic: { code: "path-outside-root" } });
  });

  it("refuses a FIFO without blocking, and a folder", () => {
    const r = root();
    execFileSync("mkfifo", [join(r, "specification/x.yaml")]);
    mkdirSync(join(r, "specification/d.yaml"));
    const fifo = readSourceFile(r, "specification/x.yaml");
    expect(fifo).toMatchObject({ ok: false, diagnostic: { code: "not-a-file" } });
    expect(!fifo.ok && fifo.diagnostic.message).toContain("FIFO");
    expect(readSourceFile(r, "specification/d.yaml")).toMatchObject({ ok: false, diagnostic: { code: "not-a-file", file: "specification/d.yaml" } });
  });

  it("refuses a device", () => {
    const r = root();
    symlinkSync("/dev/zero", join(r, "specification/zero.yaml"));
    // /dev/zero is outside the root: refused before it is opened.
    expect(readSourceFile(r, "specification/zero.yaml")).toMatchObject({ ok: false, diagnostic: { code: "path-outside-root" } });
  });

  it("refuses a file over the size limit without reading it", () => {
    const r = root();
    writeFileSync(join(r, "specification/big.yaml"), "");
    truncateSync(join(r, "specification/big.yaml"), MAX_SOURCE_BYTES + 1);
    expect(readSourceFile(r, "specification/big.yaml")).toMatchObject({ ok: false, diagnostic: { code: "file-too-large" } });
  });

  it("reports invalid UTF-8 at the line and column of the first bad byte", () => {
    const r = root();
    writeFileSync(join(r, "specification/bad.rst"), Buffer.concat([Buffer.from("one\ntwo é \n"), Buffer.from([0x61, 0xff, 0x62]), Buffer.from("\n")]));
    expect(readSourceFile(r, "specification/bad.rst")).toMatchObject({
      ok: false,
      diagnostic: { code: "invalid-utf8", file: "specification/bad.rst", line: 3, column: 2 },
    });
  });
});

describe("firstInvalidUtf8", () => {
  it("accepts valid text and finds overlong forms, surrogates, truncated sequences and stray continuation bytes", () => {
    expect(firstInvalidUtf8(Buffer.from("aé€😀"))).toBe(Buffer.from("aé€😀").length);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(Uint8Array.from([0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});
