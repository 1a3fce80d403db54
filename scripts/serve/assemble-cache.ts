// The assemble stage (../assemble/assemble.ts) with each file's shifted lines kept:
// after an edit only the changed RST file is read into lines and shifted again.
// Files are joined exactly as `assemble` joins them.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { assemble } from "../assemble/assemble.ts";
import { MappedText } from "../diagnostics/line-map.ts";
import { readSourceFile } from "../sources/safe-read.ts";
import type { RelativeTitleStyles, TargetFile, TitleStyles } from "../sources/targets.ts";

interface CachedFile {
  key: string;
  text: MappedText;
  diagnostics: Diagnostic[];
}

export class AssembleCache {
  private readonly files = new Map<string, CachedFile>();

  assemble(root: string, files: readonly TargetFile[], styles: TitleStyles, relative?: RelativeTitleStyles): { text: MappedText; diagnostics: Diagnostic[] } {
    const text = new MappedText();
    const diagnostics: Diagnostic[] = [];
    for (const f of files) {
      // Read under the same rules as `assemble`; when it cannot be read, `assemble` reports why.
      const read = readSourceFile(root, f.path, f.origin);
      const content = read.ok ? read.text : undefined;
      const key = JSON.stringify([f.depth, styles, relative, content]);
      const id = `${f.depth} ${f.path}`;
      let hit = this.files.get(id);
      if (!hit || hit.key !== key) {
        const one = assemble(root, [f], styles, relative, content === undefined ? undefined : () => content!);
        hit = { key, text: one.text, diagnostics: one.diagnostics };
        this.files.set(id, hit);
      }
      diagnostics.push(...hit.diagnostics);
      if (content === undefined) continue;
      if (text.lines.length && text.lines[text.lines.length - 1].trim() !== "") {
        text.push("", text.origins[text.origins.length - 1]);
      }
      text.append(hit.text);
    }
    return { text, diagnostics };
  }
}
