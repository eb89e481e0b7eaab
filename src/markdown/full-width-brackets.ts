/** Half-width brackets around text with Chinese in it: `(综合整理)`, `(市、区)`. */
const HALF_WIDTH = /\(([^()]*\p{Script=Han}[^()]*)\)/gu;

/**
 * `text` with half-width brackets around Chinese set full-width, as GB/T 15834 asks:
 * `各县(市、区)` → `各县（市、区）`. Brackets around Latin text or numbers stay (`(GDP)`, `(1)`).
 */
export function fullWidthBrackets(text: string): string {
  return text.replace(HALF_WIDTH, '（$1）');
}
