/**
 * Characters as a person (and the server's limits) count them: code points, so an emoji is one
 * character, not the two UTF-16 units `String.length` sees.
 */
export function charCount(text: string): number {
  return [...text].length;
}
