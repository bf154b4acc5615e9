/** Tags as a reporter types them, "Quảng Ninh, giao thông": trimmed, empty ones dropped, duplicates once. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && ![...seen].some((s) => s.toLocaleLowerCase('vi') === tag.toLocaleLowerCase('vi'))) seen.add(tag);
  }
  return [...seen];
}
