import { describe, expect, it } from 'vitest';
import { parseTags } from './parseTags';

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and duplicates regardless of case', () => {
    expect(parseTags(' Quảng Ninh,  giao thông ,, quảng ninh, Hạ  Long ')).toEqual(['Quảng Ninh', 'giao thông', 'Hạ Long']);
  });
});
