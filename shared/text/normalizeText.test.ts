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
