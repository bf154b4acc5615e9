/**
 * Version 1 (the foundation) had one `byline` string and no kicker, dateline, source, editor's note or story
 * type. Version 2 holds the full anatomy of a printed story; the old byline becomes the first of `bylines`.
 */
export function upgradeTo2(story: Record<string, unknown>): Record<string, unknown> {
  const { byline, ...rest } = story;
  const name = typeof byline === 'string' ? byline.trim() : '';
  return {
    ...rest,
    schemaVersion: 2,
    kicker: '',
    bylines: name ? [name] : [],
    dateline: '',
    source: '',
    ednote: '',
    storyType: 'tin',
  };
}
