// Which LaTeX environment a math block is displayed in (docutils' pick_math_environment):
// "align*" when the top level (outside \begin…\end) contains a line break "\\", else "equation*".

/** The code with the content of \begin{…}…\end{…} environments removed. */
export function toplevelCode(code: string): string {
  const chunks = code.split("\\begin{");
  let out = chunks[0];
  for (const chunk of chunks.slice(1)) {
    const end = chunk.lastIndexOf("\\end{");
    if (end >= 0) {
      const close = chunk.indexOf("}", end);
      out += close >= 0 ? chunk.slice(close + 1) : "";
    }
  }
  return out;
}

export function pickMathEnvironment(code: string, numbered = false): string {
  const env = toplevelCode(code).includes("\\\\") ? "align" : "equation";
  return numbered ? env : env + "*";
}
