import { describe, expect, it } from 'vitest';
import { lengthProgress } from './storyTypes';

describe('length targets', () => {
  it('measures a tin against 300–500 chữ', () => {
    expect(lengthProgress(120, 'tin').state).toBe('under');
    expect(lengthProgress(420, 'tin')).toEqual({ ratio: 420 / 500, state: 'within' });
    expect(lengthProgress(650, 'tin')).toEqual({ ratio: 1, state: 'over' });
  });
});
