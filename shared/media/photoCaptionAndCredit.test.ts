import { describe, expect, it } from 'vitest';
import { photoCaptionAndCredit, photoCredit } from './photoCaptionAndCredit';

const photo = { caption: 'Cầu Bãi Cháy lúc hoàng hôn.', byline: 'Thu Hằng', credit: 'Báo Quảng Ninh' };

describe('the caption and credit a photo brings into a story', () => {
  it('prints the photographer with the paper, once when they are the same, and nothing when nobody is named', () => {
    expect(photoCredit(photo)).toBe('Ảnh: Thu Hằng – Báo Quảng Ninh');
    expect(photoCredit({ byline: 'Thu Hằng', credit: 'Thu Hằng' })).toBe('Ảnh: Thu Hằng');
    expect(photoCredit({ byline: null, credit: 'TTXVN' })).toBe('TTXVN');
    expect(photoCredit({ byline: '  ', credit: null })).toBe('');
  });

  it('fills from the metadata what the document leaves blank', () => {
    expect(photoCaptionAndCredit(photo)).toEqual({ caption: photo.caption, credit: 'Ảnh: Thu Hằng – Báo Quảng Ninh' });
    expect(photoCaptionAndCredit(photo, { caption: '  ', credit: '' })).toEqual({ caption: photo.caption, credit: 'Ảnh: Thu Hằng – Báo Quảng Ninh' });
  });

  it('keeps what the document says over what the camera says', () => {
    expect(photoCaptionAndCredit(photo, { caption: 'Dòng chú thích trong tệp Word.', credit: 'Ảnh: TTXVN' })).toEqual({ caption: 'Dòng chú thích trong tệp Word.', credit: 'Ảnh: TTXVN' });
    expect(photoCaptionAndCredit({ caption: null, byline: null, credit: null }, { caption: 'Chỉ có chú thích.' })).toEqual({ caption: 'Chỉ có chú thích.', credit: '' });
  });
});
