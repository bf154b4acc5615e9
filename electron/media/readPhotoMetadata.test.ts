import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exiftoolVersion, makePhoto } from '../../tests/support/photoFixtures';
import { makeTempDir } from '../../tests/support/tempDir';
import { captionFromPhotoMetadata } from './captionFromPhotoMetadata';
import { readPhotoMetadata } from './readPhotoMetadata';

const caption = 'Đại tướng Lương Cường phát biểu chỉ đạo tại hội nghị.';
const iptcUtf8Args = [
  '-codedcharacterset=utf8',
  `-IPTC:Caption-Abstract=${caption}`,
  '-IPTC:By-line=Minh Đức',
  '-IPTC:Credit=Báo Quảng Ninh',
  '-IPTC:City=Cẩm Phả',
  '-IPTC:Province-State=Quảng Ninh',
  '-IPTC:Country-PrimaryLocationName=Việt Nam',
  '-EXIF:DateTimeOriginal=2025:01:12 08:30:00',
  '-EXIF:OffsetTimeOriginal=+07:00',
];
const utf8Designation = Buffer.from('\x1b%G', 'latin1');

const exiftool = exiftoolVersion();
if (exiftool === null) {
  console.log('readPhotoMetadata: the exiftool fixture tests are skipped because exiftool is not installed (Debian: libimage-exiftool-perl)');
}
const withExiftool = it.skipIf(exiftool === null);

let dir = '';
let remove: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, remove } = await makeTempDir('dateline-photo-')));
afterAll(() => remove());

async function photo(name: string, exiftoolArgs: string[] = []): Promise<Buffer> {
  return readFile(await makePhoto(dir, name, { exiftoolArgs }));
}

const factsOf = async (bytes: Buffer) => captionFromPhotoMetadata(await readPhotoMetadata(bytes));

describe('readPhotoMetadata', () => {
  it('gives all nulls for a photo without metadata', async () => {
    const raw = await readPhotoMetadata(await photo('plain.jpg'));
    expect(raw).toEqual({
      xmp: { description: null, creator: null, credit: null, city: null, state: null, country: null },
      iptc: { captionAbstract: [], byline: [], credit: [], city: [], provinceState: [], country: [] },
      exif: { dateTimeOriginal: null, offsetTimeOriginal: null, offsetTime: null },
      gps: null,
    });
    expect(captionFromPhotoMetadata(raw)).toEqual({ caption: null, byline: null, credit: null, city: null, province: null, country: null, capturedAt: null });
  });

  it('rejects bytes that are not an image at all', async () => {
    await expect(readPhotoMetadata(Buffer.from('not a photo, just some text'))).rejects.toThrow(/Unknown file format/);
  });

  withExiftool('re-decodes IPTC declared UTF-8 by 1:90, which exifr reads as Latin-1', async () => {
    const bytes = await photo('iptc-utf8.jpg', iptcUtf8Args);
    expect(bytes.includes(utf8Designation)).toBe(true);
    expect(await factsOf(bytes)).toEqual({
      caption,
      byline: 'Minh Đức',
      credit: 'Báo Quảng Ninh',
      city: 'Cẩm Phả',
      province: 'Quảng Ninh',
      country: 'Việt Nam',
      capturedAt: '2025-01-12T08:30:00+07:00',
    });
  });

  withExiftool('keeps the EXIF capture time as written, whatever zone this machine is in', async () => {
    const bytes = await photo('tz.jpg', iptcUtf8Args);
    const zones = ['America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'UTC'];
    const saved = process.env.TZ;
    const localReadings = new Set<string>();
    try {
      for (const zone of zones) {
        process.env.TZ = zone;
        // Proves the switch took effect: the same wall-clock time is a different instant in each zone.
        localReadings.add(new Date(2025, 0, 12, 8, 30).toISOString());
        expect((await factsOf(bytes)).capturedAt, zone).toBe('2025-01-12T08:30:00+07:00');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(localReadings.size).toBe(zones.length);
  });

  withExiftool('reads the same fields written as XMP only', async () => {
    const bytes = await photo('xmp.jpg', [
      `-XMP-dc:Description=${caption}`,
      '-XMP-dc:Creator=Minh Đức',
      '-XMP-photoshop:Credit=Báo Quảng Ninh',
      '-XMP-photoshop:City=Cẩm Phả',
      '-XMP-photoshop:State=Quảng Ninh',
      '-XMP-photoshop:Country=Việt Nam',
    ]);
    expect(await factsOf(bytes)).toEqual({ caption, byline: 'Minh Đức', credit: 'Báo Quảng Ninh', city: 'Cẩm Phả', province: 'Quảng Ninh', country: 'Việt Nam', capturedAt: null });
  });

  withExiftool('prefers XMP where XMP and IPTC disagree', async () => {
    const bytes = await photo('both.jpg', [
      ...iptcUtf8Args,
      '-XMP-dc:Description=Quang cảnh hội nghị tại Hạ Long.',
      '-XMP-dc:Creator=Lan Anh',
      '-XMP-photoshop:Credit=TTXVN',
      '-XMP-photoshop:City=Hạ Long',
    ]);
    const raw = await readPhotoMetadata(bytes);
    expect(raw.iptc.captionAbstract).toEqual([caption]);
    expect(captionFromPhotoMetadata(raw)).toEqual({
      caption: 'Quang cảnh hội nghị tại Hạ Long.',
      byline: 'Lan Anh',
      credit: 'TTXVN',
      city: 'Hạ Long',
      province: 'Quảng Ninh',
      country: 'Việt Nam',
      capturedAt: '2025-01-12T08:30:00+07:00',
    });
  });

  withExiftool('keeps declared UTF-8 readable where one byte is damaged', async () => {
    const bytes = await photo('iptc-damaged.jpg', ['-codedcharacterset=utf8', '-IPTC:City=Cẩm Phả']);
    // The last byte of "ả" (E1 BA A3) overwritten: no longer valid UTF-8, so only the 1:90 declaration says what it is.
    const city = Buffer.from('Cẩm Phả');
    const at = bytes.indexOf(city);
    expect(at).toBeGreaterThan(0);
    bytes[at + city.length - 1] = 0x21;
    expect((await factsOf(bytes)).city).toBe('Cẩm Ph\uFFFD!');
  });

  withExiftool('reads valid UTF-8 as UTF-8 even under a wrong 1:90 declaration', async () => {
    const bytes = await photo('iptc-misdeclared.jpg', ['-charset', 'iptc=utf8', '-IPTC:CodedCharacterSet=ESC . A', '-IPTC:City=Cẩm Phả']);
    expect(bytes.includes(Buffer.from('\x1b.A', 'latin1'))).toBe(true);
    expect((await factsOf(bytes)).city).toBe('Cẩm Phả');
  });

  withExiftool('reads a legacy IPTC block of plain ASCII without a 1:90 declaration', async () => {
    const bytes = await photo('legacy-ascii.jpg', ['-IPTC:Caption-Abstract=Ha Noi, Viet Nam', '-IPTC:By-line=Reuters', '-IPTC:City=Hanoi']);
    expect(bytes.includes(utf8Designation)).toBe(false);
    expect(await factsOf(bytes)).toMatchObject({ caption: 'Ha Noi, Viet Nam', byline: 'Reuters', city: 'Hanoi' });
  });

  withExiftool('takes undeclared IPTC that is valid UTF-8 as UTF-8', async () => {
    const bytes = await photo('undeclared-utf8.jpg', ['-charset', 'iptc=utf8', '-IPTC:City=Cẩm Phả', '-IPTC:By-line=Minh Đức']);
    expect(bytes.includes(utf8Designation)).toBe(false);
    expect(await factsOf(bytes)).toMatchObject({ city: 'Cẩm Phả', byline: 'Minh Đức' });
  });

  withExiftool('reads other undeclared IPTC as Windows-1252, curly quotes included', async () => {
    // exiftool's default IPTC charset is Windows-1252: é, à and ò are single bytes, the quotes 0x93 and 0x94.
    const bytes = await photo('undeclared-cp1252.jpg', ['-IPTC:City=Café “Sài Gòn”']);
    expect(bytes.includes(Buffer.from([0x93]))).toBe(true);
    expect((await factsOf(bytes)).city).toBe('Café “Sài Gòn”');
  });

  withExiftool('unescapes XMP text and picks the default language and the first creator', async () => {
    const bytes = await photo('xmp-alt.jpg', [
      '-XMP-dc:Description=Hà Nội & Hải Phòng <2025> "giao thương"',
      '-XMP-dc:Description-en=Hanoi and Haiphong',
      '-XMP-dc:Creator=Minh Đức',
      '-XMP-dc:Creator=Lan Anh',
    ]);
    const raw = await readPhotoMetadata(bytes);
    expect(raw.xmp.creator).toEqual(['Minh Đức', 'Lan Anh']);
    expect(captionFromPhotoMetadata(raw)).toMatchObject({ caption: 'Hà Nội & Hải Phòng <2025> "giao thương"', byline: 'Minh Đức' });
  });

  withExiftool('names the place by its coordinates when only GPS is there', async () => {
    const bytes = await photo('gps.jpg', ['-GPSLatitude=21.0285', '-GPSLatitudeRef=N', '-GPSLongitude=105.8542', '-GPSLongitudeRef=E']);
    expect((await factsOf(bytes)).city).toBe('21.0285, 105.8542');
  });

  withExiftool('falls back to OffsetTime, then to +07:00, for the capture time', async () => {
    const withOffsetTime = await photo('offset-time.jpg', ['-EXIF:DateTimeOriginal=2025:01:12 08:30:00', '-EXIF:OffsetTime=+09:00']);
    expect((await factsOf(withOffsetTime)).capturedAt).toBe('2025-01-12T08:30:00+09:00');
    const withoutOffset = await photo('no-offset.jpg', ['-EXIF:DateTimeOriginal=2025:01:12 08:30:00']);
    expect((await factsOf(withoutOffset)).capturedAt).toBe('2025-01-12T08:30:00+07:00');
  });

  withExiftool('keeps the EXIF date apart from an XMP exif:DateTimeOriginal', async () => {
    const bytes = await photo('xmp-date.jpg', [
      '-EXIF:DateTimeOriginal=2025:01:12 08:30:00',
      '-EXIF:OffsetTimeOriginal=+07:00',
      '-XMP-exif:DateTimeOriginal=2020:02:02 02:02:02+01:00',
    ]);
    expect((await readPhotoMetadata(bytes)).exif.dateTimeOriginal).toBe('2025:01:12 08:30:00');
  });
});
