/** What went wrong, as words for the screen: an Error's message, or whatever was thrown, as text. */
export function problemText(problem: unknown): string {
  return problem instanceof Error ? problem.message : String(problem);
}
