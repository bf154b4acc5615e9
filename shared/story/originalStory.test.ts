import { describe, expect, it } from 'vitest';
import { originalAfterSourceEdit } from './originalStory';

describe('the own-story mark as the source line is edited', () => {
  it('is taken away by typing a source, and not given back by deleting it', () => {
    expect(originalAfterSourceEdit('', 'T', true)).toBe(false);
    expect(originalAfterSourceEdit('Theo: nhandan.vn', '', false)).toBe(false);
    // A story saved before the two were kept consistent: own, with a source line. Editing the line settles it.
    expect(originalAfterSourceEdit('Theo: nhandan.vn', 'Theo: nhandan.v', true)).toBe(false);
    expect(originalAfterSourceEdit('Theo: nhandan.vn', '', true)).toBe(false);
  });

  it('stays as the reporter set it while there is no source line', () => {
    expect(originalAfterSourceEdit('', '', true)).toBe(true);
    expect(originalAfterSourceEdit('', '  ', false)).toBe(false);
  });
});
