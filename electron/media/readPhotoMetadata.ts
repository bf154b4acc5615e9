import exifr from 'exifr';
import type { RawPhotoMetadata, XmpValue } from './captionFromPhotoMetadata';

// Three passes over the same bytes instead of one, because one pass mixes the sources: merged, IPTC City and XMP
// photoshop:City share a key; unmerged, XMP's exif: namespace still lands in the EXIF block's object, whichever
// parser finishes last winning. And an IPTC block exifr cannot read (in a TIFF) turns a whole answer into an error
// list. exifr caches parsed options by object identity, so these are module constants: a fresh object per call
// would grow that cache with every photo.
//
// reviveValues: false keeps DateTimeOriginal the string the camera wrote. Revived, it becomes a Date read in this
// machine's zone, its offset ignored: the same photo would get a different instant on each reporter's laptop.
const exifPass = { tiff: false, exif: true, gps: true, reviveValues: false, mergeOutput: false };
const xmpPass = { tiff: false, xmp: true, mergeOutput: false };
const iptcPass = { tiff: false, iptc: true, mergeOutput: false };

/**
 * Reads the caption, byline, credit, city, province, country, capture time and position a photo carries in its EXIF, XMP and IPTC.
 * A photo without metadata gives empty fields. Bytes exifr cannot identify as an image make it throw ("Unknown file
 * format"): a corrupt file, but also WebP, GIF and BMP, which exifr 7 does not read. The caller, which decodes the
 * image anyway, decides whether that is an error or a photo without metadata.
 */
export async function readPhotoMetadata(bytes: Buffer): Promise<RawPhotoMetadata> {
  const [exifOut, xmpOut, iptcOut] = (await Promise.all([
    exifr.parse(bytes, exifPass),
    exifr.parse(bytes, xmpPass),
    exifr.parse(bytes, iptcPass),
  ])) as unknown[];

  const exif = recordAt(exifOut, 'exif');
  const gps = recordAt(exifOut, 'gps');
  const dc = recordAt(xmpOut, 'dc');
  const photoshop = recordAt(xmpOut, 'photoshop');
  const iptc = recordAt(iptcOut, 'iptc');
  const utf8 = declaresUtf8(bytes);
  const iptcTexts = (value: unknown) => toList(value).flatMap((item) => (typeof item === 'string' ? [decodeIptc(item, utf8)] : []));

  return {
    xmp: {
      description: toXmpValue(dc.description),
      creator: toXmpValue(dc.creator),
      credit: toXmpValue(photoshop.Credit),
      city: toXmpValue(photoshop.City),
      state: toXmpValue(photoshop.State),
      country: toXmpValue(photoshop.Country),
    },
    // exifr's names for 2:120, 2:80 and 2:95 are Caption, Byline and State.
    iptc: {
      captionAbstract: iptcTexts(iptc.Caption),
      byline: iptcTexts(iptc.Byline),
      credit: iptcTexts(iptc.Credit),
      city: iptcTexts(iptc.City),
      provinceState: iptcTexts(iptc.State),
      country: iptcTexts(iptc.Country),
    },
    exif: {
      dateTimeOriginal: exifString(exif.DateTimeOriginal),
      offsetTimeOriginal: exifString(exif.OffsetTimeOriginal),
      offsetTime: exifString(exif.OffsetTime),
    },
    gps:
      typeof gps.latitude === 'number' && typeof gps.longitude === 'number' ? { latitude: gps.latitude, longitude: gps.longitude } : null,
  };
}

function recordAt(output: unknown, key: string): Record<string, unknown> {
  const value = isRecord(output) ? output[key] : undefined;
  return isRecord(value) ? value : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

// EXIF ASCII fields are NUL-terminated, and some writers pad them with more NULs.
function exifString(value: unknown): string | null {
  return typeof value === 'string' ? value.replace(/\0+$/, '') : null;
}

// ----- XMP -----

// exifr's XMP parser is a set of regular expressions that hands text over still XML-escaped: "Hà Nội &amp; Hải Phòng".
const xmlEntity = /&(?:#(\d+)|#x([\da-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(xmlEntity, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return namedEntities[name] ?? whole;
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

function toXmpPrimitive(value: unknown): string | number | boolean | null {
  if (typeof value === 'string') return decodeXmlEntities(value);
  return typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

function toXmpValue(value: unknown): XmpValue | null {
  if (Array.isArray(value)) {
    const items = value.map(toXmpValue).filter((item): item is XmpValue => item !== null);
    return items.length > 0 ? items : null;
  }
  if (isRecord(value)) {
    const text = toXmpPrimitive(value.value);
    if (text === null) return null;
    return { lang: typeof value.lang === 'string' ? value.lang : null, value: text };
  }
  return toXmpPrimitive(value);
}

// ----- IPTC -----

/**
 * Whether IPTC dataset 1:90 (CodedCharacterSet) declares record 2 to be UTF-8. exifr reads only record 2 and never
 * looks at 1:90, so the declaration is read from the JPEG's Photoshop APP13 block here. Only JPEG needs it: from a
 * TIFF exifr 7 fails to read IPTC at all, and in PNG it does not look for any.
 */
function declaresUtf8(jpeg: Buffer): boolean {
  const iptc = iptcBlockOf(jpeg);
  const declared = iptc === null ? null : datasetValue(iptc, 1, 90);
  if (declared === null) return false;
  // ISO 2022 designations of UTF-8: ESC % G, and ESC % / G, H or I for its "levels".
  const designation = declared.toString('latin1');
  return ['\x1b%G', '\x1b%/G', '\x1b%/H', '\x1b%/I'].some((d) => designation.startsWith(d));
}

/** The IPTC IIM data (Photoshop image resource 0x0404) of the first APP13 segment that has one. */
function iptcBlockOf(jpeg: Buffer): Buffer | null {
  if (jpeg.length < 4 || jpeg.readUInt16BE(0) !== 0xffd8) return null;
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1];
    if (marker === 0xff) {
      at += 1; // a fill byte before the real marker
      continue;
    }
    // Metadata segments all come before the scan.
    if (marker === 0xda || marker === 0xd9) return null;
    const end = at + 2 + jpeg.readUInt16BE(at + 2);
    if (end > jpeg.length) return null;
    if (marker === 0xed) {
      const iptc = iptcResourceIn(jpeg.subarray(at + 4, end));
      if (iptc !== null) return iptc;
    }
    at = end;
  }
  return null;
}

function iptcResourceIn(app13: Buffer): Buffer | null {
  if (app13.toString('latin1', 0, 14) !== 'Photoshop 3.0\0') return null;
  let at = 14;
  while (at + 12 <= app13.length && app13.toString('latin1', at, at + 4) === '8BIM') {
    const id = app13.readUInt16BE(at + 4);
    const nameLength = app13[at + 6] ?? 0;
    // The resource name is a Pascal string padded to an even length.
    const sizeAt = at + 6 + nameLength + 1 + ((nameLength + 1) % 2);
    if (sizeAt + 4 > app13.length) return null;
    const size = app13.readUInt32BE(sizeAt);
    const dataAt = sizeAt + 4;
    if (dataAt + size > app13.length) return null;
    if (id === 0x0404) return app13.subarray(dataAt, dataAt + size);
    at = dataAt + size + (size % 2);
  }
  return null;
}

function datasetValue(iptc: Buffer, record: number, dataset: number): Buffer | null {
  let at = 0;
  while (at + 5 <= iptc.length && iptc[at] === 0x1c) {
    let length = iptc.readUInt16BE(at + 3);
    let valueAt = at + 5;
    // An extended dataset's length field gives the size, in bytes, of the real length that follows.
    if (length & 0x8000) {
      const lengthSize = length & 0x7fff;
      if (lengthSize < 1 || lengthSize > 4 || valueAt + lengthSize > iptc.length) return null;
      length = iptc.readUIntBE(valueAt, lengthSize);
      valueAt += lengthSize;
    }
    if (valueAt + length > iptc.length) return null;
    if (iptc[at + 1] === record && iptc[at + 2] === dataset) return iptc.subarray(valueAt, valueAt + length);
    at = valueAt + length;
  }
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Re-decodes one IPTC string that exifr built as Latin-1. Declared UTF-8 is decoded as UTF-8, a damaged sequence
 * becoming U+FFFD. Otherwise, text that is valid UTF-8 is taken as UTF-8 too: phone apps and many scripts write
 * UTF-8 without declaring it, and Latin text that happens to form valid multi-byte UTF-8 ("Ã©" pairs) does not
 * occur in real captions; ASCII reads the same either way. Everything else is Windows-1252, which is what
 * "Latin-1" means in the Windows tools that wrote it. The Vietnamese legacy code pages (Windows-1258, TCVN3, VNI)
 * cannot be told apart from it, and come out garbled.
 */
function decodeIptc(latin1: string, declaredUtf8: boolean): string {
  // exifr builds the string with String.fromCharCode over the raw bytes, so 'latin1' gets those bytes back exactly.
  const bytes = Buffer.from(latin1.replace(/\0+$/, ''), 'latin1');
  if (declaredUtf8) return bytes.toString('utf8');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return windows1252(bytes.toString('latin1'));
  }
}

// Windows-1252 is Latin-1 except for 0x80–0x9F. Node's own TextDecoder('windows-1252') decodes those as Latin-1
// since 20.18.3 (nodejs/node#60888), so the 32 characters are mapped here, from the WHATWG index.
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(latin1: string): string {
  return latin1.replace(/[\x80-\x9f]/g, (c) => windows1252High[c.charCodeAt(0) - 0x80] ?? c);
}
