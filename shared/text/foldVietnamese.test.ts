import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './foldVietnamese';

describe('foldVietnamese', () => {
  it('drops tones and vowel marks and turns đ into d', () => {
    expect(foldVietnamese('Đảng viên Quảng Ninh')).toBe('dang vien quang ninh');
    expect(foldVietnamese('Tăng cường phối hợp các cơ quan chức năng')).toBe('tang cuong phoi hop cac co quan chuc nang');
    expect(foldVietnamese('ĐẶNG Thị Ngọc Thịnh, Ủy ban')).toBe('dang thi ngoc thinh, uy ban');
  });

  it('reaches every vowel with every mark', () => {
    expect(foldVietnamese('àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ đ')).toBe(
      'aaaaa aaaaa aaaaa eeeee eeeee iiiii ooooo ooooo ooooo uuuuu uuuuu yyyyy d',
    );
  });

  it('gives the same answer for NFD input, and for either tone-mark style', () => {
    const nfc = 'Đảng viên Quảng Ninh';
    expect(foldVietnamese(nfc.normalize('NFD'))).toBe(foldVietnamese(nfc));
    expect(foldVietnamese('hoà thuý khoẻ')).toBe(foldVietnamese('hòa thúy khỏe'));
  });

  it('leaves digits, punctuation and plain ASCII alone apart from case', () => {
    expect(foldVietnamese('COVID-19: 2.000 ca, iPhone 15!')).toBe('covid-19: 2.000 ca, iphone 15!');
    expect(foldVietnamese('')).toBe('');
  });

  it('does not leave text from other scripts decomposed', () => {
    expect(foldVietnamese('한국')).toBe('한국');
    expect(foldVietnamese('İstanbul')).toBe('istanbul');
  });
});
