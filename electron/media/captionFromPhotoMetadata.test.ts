import { describe, expect, it } from 'vitest';
import { captionFromPhotoMetadata, type RawPhotoMetadata } from './captionFromPhotoMetadata';

interface Sources {
  xmp?: Partial<RawPhotoMetadata['xmp']>;
  iptc?: Partial<RawPhotoMetadata['iptc']>;
  exif?: Partial<RawPhotoMetadata['exif']>;
  gps?: RawPhotoMetadata['gps'];
}

function raw(sources: Sources = {}): RawPhotoMetadata {
  return {
    xmp: { description: null, creator: null, credit: null, city: null, state: null, country: null, ...sources.xmp },
    iptc: { captionAbstract: [], byline: [], credit: [], city: [], provinceState: [], country: [], ...sources.iptc },
    exif: { dateTimeOriginal: null, offsetTimeOriginal: null, offsetTime: null, ...sources.exif },
    gps: sources.gps ?? null,
  };
}

const facts = (sources: Sources) => captionFromPhotoMetadata(raw(sources));

describe('captionFromPhotoMetadata', () => {
  it('gives all nulls for a photo with no metadata', () => {
    expect(facts({})).toEqual({ caption: null, byline: null, credit: null, city: null, province: null, country: null, capturedAt: null });
  });

  it('takes each field from IPTC when there is no XMP', () => {
    expect(
      facts({
        iptc: { captionAbstract: ['Đại tướng phát biểu.'], byline: ['Minh Đức'], credit: ['Báo Quảng Ninh'], city: ['Cẩm Phả'], provinceState: ['Quảng Ninh'], country: ['Việt Nam'] },
      }),
    ).toEqual({ caption: 'Đại tướng phát biểu.', byline: 'Minh Đức', credit: 'Báo Quảng Ninh', city: 'Cẩm Phả', province: 'Quảng Ninh', country: 'Việt Nam', capturedAt: null });
  });

  it('prefers XMP to IPTC for every field', () => {
    expect(
      facts({
        xmp: { description: 'Hạ Long', creator: 'Lan Anh', credit: 'TTXVN', city: 'Hạ Long', state: 'Quảng Ninh', country: 'Việt Nam' },
        iptc: { captionAbstract: ['Cũ'], byline: ['Cũ'], credit: ['Cũ'], city: ['Cũ'], provinceState: ['Cũ'], country: ['Cũ'] },
      }),
    ).toMatchObject({ caption: 'Hạ Long', byline: 'Lan Anh', credit: 'TTXVN', city: 'Hạ Long', province: 'Quảng Ninh', country: 'Việt Nam' });
  });

  it('falls back to IPTC where the XMP value is blank', () => {
    expect(facts({ xmp: { description: '   ' }, iptc: { captionAbstract: ['Chú thích IPTC'] } }).caption).toBe('Chú thích IPTC');
  });

  it('reads an XMP language alternative: x-default, then Vietnamese, then the first', () => {
    const alt = (...langs: string[]) => langs.map((lang) => ({ lang, value: `text ${lang}` }));
    expect(facts({ xmp: { description: alt('en', 'x-default', 'vi') } }).caption).toBe('text x-default');
    expect(facts({ xmp: { description: alt('en', 'vi-VN') } }).caption).toBe('text vi-VN');
    expect(facts({ xmp: { description: alt('fr', 'en') } }).caption).toBe('text fr');
    expect(facts({ xmp: { description: { lang: 'x-default', value: 'một mục' } } }).caption).toBe('một mục');
  });

  it('takes the first creator of a list, and the first non-blank IPTC by-line', () => {
    expect(facts({ xmp: { creator: ['Minh Đức', 'Lan Anh'] } }).byline).toBe('Minh Đức');
    expect(facts({ iptc: { byline: [' ', 'Lan Anh', 'Minh Đức'] } }).byline).toBe('Lan Anh');
  });

  it('turns the numbers and booleans exifr makes of XMP text back into text', () => {
    expect(facts({ xmp: { creator: 7, description: { lang: 'x-default', value: 2025 }, city: true } })).toMatchObject({
      byline: '7',
      caption: '2025',
      city: 'true',
    });
  });

  it('trims and NFC-normalises, and makes empty text null', () => {
    const decomposed = 'Cẩm Phả'.normalize('NFD');
    expect(decomposed).not.toBe('Cẩm Phả');
    const result = facts({ iptc: { city: [`  ${decomposed}\n`], credit: ['\t '] } });
    expect(result.city).toBe('Cẩm Phả');
    expect(result.credit).toBeNull();
  });

  describe('city from GPS', () => {
    it('writes the coordinates when no city is named', () => {
      expect(facts({ gps: { latitude: 21.028499999999998, longitude: 105.85419999999999 } }).city).toBe('21.0285, 105.8542');
      expect(facts({ gps: { latitude: -33.8688, longitude: -151.2093 } }).city).toBe('-33.8688, -151.2093');
    });

    it('prefers a named city to the coordinates', () => {
      expect(facts({ iptc: { city: ['Hà Nội'] }, gps: { latitude: 21.0285, longitude: 105.8542 } }).city).toBe('Hà Nội');
    });

    it('ignores 0, 0 and impossible positions', () => {
      expect(facts({ gps: { latitude: 0, longitude: 0 } }).city).toBeNull();
      expect(facts({ gps: { latitude: 91, longitude: 10 } }).city).toBeNull();
      expect(facts({ gps: { latitude: Number.NaN, longitude: 10 } }).city).toBeNull();
    });
  });

  describe('capturedAt', () => {
    const at = (exif: Partial<RawPhotoMetadata['exif']>) => facts({ exif }).capturedAt;

    it('combines DateTimeOriginal with OffsetTimeOriginal', () => {
      expect(at({ dateTimeOriginal: '2025:01:12 08:30:00', offsetTimeOriginal: '+07:00', offsetTime: '+09:00' })).toBe(
        '2025-01-12T08:30:00+07:00',
      );
      expect(at({ dateTimeOriginal: '2024:12:31 23:59:59', offsetTimeOriginal: '-05:00' })).toBe('2024-12-31T23:59:59-05:00');
    });

    it('falls back to OffsetTime, then to the newsroom zone +07:00', () => {
      expect(at({ dateTimeOriginal: '2025:01:12 08:30:00', offsetTime: '+09:00' })).toBe('2025-01-12T08:30:00+09:00');
      expect(at({ dateTimeOriginal: '2025:01:12 08:30:00' })).toBe('2025-01-12T08:30:00+07:00');
    });

    it('skips a blank or malformed offset', () => {
      expect(at({ dateTimeOriginal: '2025:01:12 08:30:00', offsetTimeOriginal: '   :  ', offsetTime: '+0530' })).toBe(
        '2025-01-12T08:30:00+05:30',
      );
      expect(at({ dateTimeOriginal: '2025:01:12 08:30:00', offsetTimeOriginal: '+25:00' })).toBe('2025-01-12T08:30:00+07:00');
    });

    it('ignores sub-seconds and a trailing zone text, and accepts dashes in the date', () => {
      expect(at({ dateTimeOriginal: '2025:01:12 08:30:00.123', offsetTimeOriginal: '+07:00' })).toBe('2025-01-12T08:30:00+07:00');
      expect(at({ dateTimeOriginal: '2025-01-12 08:30:00' })).toBe('2025-01-12T08:30:00+07:00');
    });

    it('gives null for the dates of an unset or broken clock', () => {
      expect(at({ dateTimeOriginal: '0000:00:00 00:00:00' })).toBeNull();
      expect(at({ dateTimeOriginal: '    :  :     :  :  ' })).toBeNull();
      expect(at({ dateTimeOriginal: '2025:02:29 10:00:00' })).toBeNull();
      expect(at({ dateTimeOriginal: '2025:13:01 10:00:00' })).toBeNull();
      expect(at({ dateTimeOriginal: '2025:01:12 24:00:00' })).toBeNull();
      expect(at({ dateTimeOriginal: '' })).toBeNull();
    });

    it('accepts 29 February of a leap year', () => {
      expect(at({ dateTimeOriginal: '2024:02:29 10:00:00' })).toBe('2024-02-29T10:00:00+07:00');
    });
  });
});
