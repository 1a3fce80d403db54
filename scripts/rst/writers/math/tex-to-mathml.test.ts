import { describe, expect, it } from "vitest";
import { MathSyntaxError, texToMathml } from "./tex-to-mathml.ts";
import { pickMathEnvironment } from "./environment.ts";

const inner = (tex: string, env = "") =>
  texToMathml(tex, env).split("\n").slice(1, -1).map((l) => l.trim()).join("");

describe("texToMathml", () => {
  it("writes identifiers, numbers and operators; fences are not stretchy", () => {
    expect(inner("y = f(x) + 1.5")).toBe(
      '<mi>y</mi><mo>=</mo><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mo>+</mo><mn>1.5</mn>',
    );
  });
  it("writes scripts, fractions, roots and Greek letters", () => {
    expect(inner("x_i^2")).toBe("<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>");
    expect(inner("\\frac{a}{b}")).toBe("<mfrac><mi>a</mi><mi>b</mi></mfrac>");
    expect(inner("\\sqrt{\\pi}")).toBe("<msqrt><mi>π</mi></msqrt>");
  });
  it("puts the limits of sums under and over them (movable limits), integrals take scripts", () => {
    expect(inner("\\sum_{i=0}^n", "equation*")).toBe(
      '<munderover><mo movablelimits="true">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>0</mn></mrow><mi>n</mi></munderover>',
    );
    expect(inner("\\int_0^1")).toBe("<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>");
  });
  it("writes the minus sign, capital Greek with a class, accents, styled letters and environments", () => {
    expect(inner("-\\Psi")).toBe('<mo>−</mo><mi class="capital-greek">Ψ</mi>');
    expect(inner("\\hat{H}")).toBe('<mover accent="true"><mi>H</mi><mo stretchy="false">ˆ</mo></mover>');
    expect(inner("\\mathbf{M} \\mathcal{F}")).toBe("<mi>𝐌</mi><mi>ℱ</mi>");
    expect(inner("\\begin{matrix}a&b\\\\c&d\\end{matrix}")).toBe(
      "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>",
    );
    expect(inner("a &= b \\\\ &= c", "align*")).toContain('<mtable class="ams-align" displaystyle="true"><mtr><mtd><mi>a</mi></mtd>');
    expect(inner("a &= b \\\\ &= c", "align*")).toContain("<mtr><mtd></mtd><mtd><mo>=</mo><mi>c</mi></mtd></mtr>");
  });
  it("writes \\mathrm text as one identifier and function names with the application operator", () => {
    expect(inner("\\mathrm{max}")).toBe("<mi>max</mi>");
    expect(inner("\\exp x")).toBe("<mi>exp</mi><mo>&ApplyFunction;</mo><mi>x</mi>");
  });
  it("marks display math as a block", () => {
    expect(texToMathml("x", "equation*").split("\n")[0]).toBe('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
  });
  it("raises MathSyntaxError on what it does not support", () => {
    expect(() => texToMathml('1"', "")).toThrow(MathSyntaxError);
    expect(() => texToMathml("\\unknowncommand", "")).toThrow(MathSyntaxError);
    expect(() => texToMathml("{x", "")).toThrow(MathSyntaxError);
    expect(() => texToMathml("x}", "")).toThrow(MathSyntaxError);
  });
  it("handles deep nesting without overflowing, and long input", () => {
    expect(() => texToMathml("{".repeat(5000) + "x" + "}".repeat(5000), "")).toThrow(MathSyntaxError);
    // (Its speed is the benchmark's business, not a timed test's.)
    const out = texToMathml("x+".repeat(50000) + "x", "");
    expect(out.split("<mo>+</mo>").length - 1).toBe(50000);
  });
});

describe("pickMathEnvironment", () => {
  it("uses align* when the top level has a line break, else equation*", () => {
    expect(pickMathEnvironment("a \\\\ b")).toBe("align*");
    expect(pickMathEnvironment("\\begin{matrix} a \\\\ b \\end{matrix}")).toBe("equation*");
  });
});
