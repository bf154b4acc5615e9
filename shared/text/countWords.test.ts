import { describe, expect, it } from 'vitest';
import { countWords } from './countWords';

describe('countWords', () => {
  it('counts Vietnamese syllables as words, the way newsrooms count chữ', () => {
    expect(countWords('Tăng cường phối hợp các cơ quan chức năng')).toBe(9);
  });

  it('ignores punctuation standing alone and extra white space', () => {
    expect(countWords('  Hà Nội – 14/5 :  họp   báo . ')).toBe(5);
    expect(countWords('')).toBe(0);
  });
});
