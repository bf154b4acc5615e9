import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it('makes an ASCII slug from a Vietnamese headline', () => {
    expect(slugify('Tăng cường phối hợp các cơ quan chức năng')).toBe('tang-cuong-phoi-hop-cac-co-quan-chuc-nang');
    expect(slugify('Đường ven biển Hạ Long – Cẩm Phả: 2.000 tỷ đồng!')).toBe('duong-ven-bien-ha-long-cam-pha-2-000-ty-dong');
  });

  it('collapses runs of anything else into one dash and trims the ends', () => {
    expect(slugify('  "Hà Nội"  --  (14/5)  ')).toBe('ha-noi-14-5');
    expect(slugify('Ủy ban_nhân dân\ttỉnh\nQuảng Ninh')).toBe('uy-ban-nhan-dan-tinh-quang-ninh');
  });

  it('gives one slug for NFC, NFD and either tone style', () => {
    const expected = 'hoa-binh-va-suc-khoe';
    expect(slugify('Hoà bình và sức khoẻ')).toBe(expected);
    expect(slugify('Hòa bình và sức khỏe'.normalize('NFD'))).toBe(expected);
  });

  it('returns an empty string when nothing is left', () => {
    expect(slugify('')).toBe('');
    expect(slugify(' – !?… ')).toBe('');
    expect(slugify('北京')).toBe('');
  });
});
