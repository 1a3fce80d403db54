// Where each line of an assembled RST text came from: the RST file, or the YAML/JSON
// source whose generated section produced it.

export interface Origin {
  /** Path relative to the spec root. */
  file: string;
  /** 1-based line in that file. */
  line: number;
}

/** Lines of text with an origin for each. */
export class MappedText {
  constructor(
    readonly lines: string[] = [],
    readonly origins: Origin[] = [],
  ) {}

  push(line: string, origin: Origin): void {
    this.lines.push(line);
    this.origins.push(origin);
  }

  append(other: MappedText): void {
    for (let i = 0; i < other.lines.length; i++) this.push(other.lines[i], other.origins[i]);
  }

  get text(): string {
    return this.lines.join("\n") + "\n";
  }

  /** The origin of a 1-based line of `text`, clamped to the known lines. */
  originOf(line: number): Origin | undefined {
    if (this.origins.length === 0) return undefined;
    return this.origins[Math.max(0, Math.min(line - 1, this.origins.length - 1))];
  }
}
