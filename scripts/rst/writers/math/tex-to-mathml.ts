export class MathSyntaxError extends Error {}
export function texToMathml(code: string, env: string): string {
  throw new MathSyntaxError(`not yet: ${code} ${env}`);
}
