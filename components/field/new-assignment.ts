/**
 * Whether the assignment now shown is a new one the crew must be alerted to. `shown` is undefined
 * before anything was shown: what the page opens with is not news.
 */
export function isNewAssignment(shown: string | null | undefined, next: string | null): boolean {
  return shown !== undefined && next !== null && next !== shown;
}
