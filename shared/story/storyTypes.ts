/**
 * The kinds of story a Vietnamese desk assigns, each with the length it usually runs to, in chữ (syllables).
 * A *tin* (news brief) of 300–500 chữ is the newsroom's own yardstick.
 */
export const storyTypes = ['tin', 'bai', 'phong-su', 'phong-van'] as const;
export type StoryType = (typeof storyTypes)[number];

export const lengthTargets: Record<StoryType, { min: number; max: number }> = {
  tin: { min: 300, max: 500 },
  bai: { min: 800, max: 1500 },
  'phong-su': { min: 1500, max: 3000 },
  'phong-van': { min: 1000, max: 2000 },
};

/** Where a count stands against its target: under, within or over. */
export function lengthProgress(words: number, type: StoryType): { ratio: number; state: 'under' | 'within' | 'over' } {
  const { min, max } = lengthTargets[type];
  return { ratio: Math.min(words / max, 1), state: words < min ? 'under' : words > max ? 'over' : 'within' };
}
