/** Version 3 adds the story's featured image (ảnh đại diện); older stories have none. */
export function upgradeTo3(story: Record<string, unknown>): Record<string, unknown> {
  return { ...story, schemaVersion: 3, featuredImage: null };
}
