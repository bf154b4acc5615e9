import { describe, expect, it } from 'vitest';
import { nfcDeep, toNfc } from './normalizeText';

describe('NFC normalisation', () => {
  it('composes decomposed Vietnamese', () => {
    const nfd = 'Tăng cường phối hợp'.normalize('NFD');
    expect(nfd).not.toBe('Tăng cường phối hợp');
    expect(toNfc(nfd)).toBe('Tăng cường phối hợp');
  });

  it('reaches every string in a nested value and leaves the rest alone', () => {
    const value = { headline: 'Đại tướng'.normalize('NFD'), tags: ['Quảng Ninh'.normalize('NFD')], revision: 3, body: { content: [{ text: 'ặ ẫ ở ự Ỷ'.normalize('NFD') }] }, trashedAt: null };
    expect(nfcDeep(value)).toEqual({ headline: 'Đại tướng', tags: ['Quảng Ninh'], revision: 3, body: { content: [{ text: 'ặ ẫ ở ự Ỷ' }] }, trashedAt: null });
  });
});

describe('toNfc on text that needs no composing', () => {
  it('returns plain ASCII and Latin-1 as it is, and still composes anything above', () => {
    const base64 = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo='.repeat(1000);
    expect(toNfc(base64)).toBe(base64);
    expect(toNfc('Café Noël')).toBe('Café Noël');
    expect(toNfc('Quảng'.normalize('NFD'))).toBe('Quảng');
    expect(toNfc('e\u0301')).toBe('é');
  });
});

describe('nfcDeep on hostile values', () => {
  it('copies a value nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'Quảng'.normalize('NFD');
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
    let copy = nfcDeep(deep);
    for (let i = 100_000 - 1; i >= 0; i--) copy = i % 2 ? (copy as { a: unknown }).a : (copy as unknown[])[0];
    expect(copy).toBe('Quảng');
  });

  it('keeps a "__proto__" key as a field of its own, never as the copy\'s prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"backupFolder": "/tmp/x"}, "tags": [{"constructor": {"prototype": {"x": 1}}}]}') as Record<string, unknown>;
    const copy = nfcDeep(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { backupFolder?: unknown }).backupFolder).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'tags']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ backupFolder: '/tmp/x' });
    expect(({} as { backupFolder?: unknown }).backupFolder).toBeUndefined();
  });

  it('keeps the order of keys and items', () => {
    const value = { z: 1, a: ['x', 'y', { m: 1, b: 2 }], ['Đ'.normalize('NFD')]: 'e\u0301' };
    expect(JSON.stringify(nfcDeep(value))).toBe(JSON.stringify({ z: 1, a: ['x', 'y', { m: 1, b: 2 }], Đ: 'é' }));
  });
});
