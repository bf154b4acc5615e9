/**
 * Whether a story is still the newsroom's own after its source line is edited from `before` to `after`. A source
 * line means it came from elsewhere, and so does having had one: a story whose line is deleted is not thereby
 * the reporter's own, or the missing-source check could never fire. Only the reporter ticking the box says so.
 */
export function originalAfterSourceEdit(before: string, after: string, original: boolean): boolean {
  return before.trim() === '' && after.trim() === '' ? original : false;
}
