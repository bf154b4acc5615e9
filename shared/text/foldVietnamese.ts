/**
 * Folds text for matching, not for display: "Đảng viên Quảng Ninh" → "dang vien quang ninh", so a search typed
 * without diacritics (or with a different input method) still finds the story.
 */
export function foldVietnamese(text: string): string {
  return (
    text
      .normalize('NFD')
      // Lower-casing before stripping marks catches the marks lower-casing itself adds ("İ" → "i" + U+0307).
      .toLowerCase()
      .replace(/\p{M}/gu, '')
      // đ is a letter of its own, not d with a mark: Unicode gives it no decomposition, so NFD leaves it whole.
      .replace(/đ/gu, 'd')
      // NFD split more than Latin: Hangul syllables, for one, come back only through NFC.
      .normalize('NFC')
  );
}
