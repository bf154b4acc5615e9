import { toNfc } from '../../shared/text/normalizeText';

/** One `xml:lang` alternative of an XMP text, as exifr shapes `<rdf:li xml:lang="vi">…</rdf:li>`. */
export interface XmpLangAlternative {
  lang: string | null;
  value: string | number | boolean;
}

/**
 * One XMP property as exifr's XMP parser leaves it: a bare value, a language alternative, or a list of either. exifr
 * unwraps one-item lists and turns text that looks like a number or a boolean into one ("007" arrives as 7).
 */
export type XmpValue = string | number | boolean | XmpLangAlternative | XmpValue[];

/** What readPhotoMetadata finds in a photo: each source kept apart and decoded, nothing chosen or cleaned yet. */
export interface RawPhotoMetadata {
  xmp: {
    /** dc:description */
    description: XmpValue | null;
    /** dc:creator */
    creator: XmpValue | null;
    /** photoshop:Credit */
    credit: XmpValue | null;
    /** photoshop:City */
    city: XmpValue | null;
    /** photoshop:State: the province (tỉnh) or state */
    state: XmpValue | null;
    /** photoshop:Country */
    country: XmpValue | null;
  };
  /** IPTC IIM record 2, already decoded to Unicode; a dataset repeated in the file keeps every occurrence. */
  iptc: {
    /** 2:120 Caption-Abstract */
    captionAbstract: string[];
    /** 2:80 By-line */
    byline: string[];
    /** 2:110 Credit */
    credit: string[];
    /** 2:90 City */
    city: string[];
    /** 2:95 Province-State */
    provinceState: string[];
    /** 2:101 Country-PrimaryLocationName */
    country: string[];
  };
  /** The EXIF strings as written: no Date has been made of them. */
  exif: {
    /** "YYYY:MM:DD HH:MM:SS", the camera's wall clock */
    dateTimeOriginal: string | null;
    /** "+07:00": the offset of dateTimeOriginal */
    offsetTimeOriginal: string | null;
    /** "+07:00": the offset of the file's modification time, usually the same clock */
    offsetTime: string | null;
  };
  gps: { latitude: number; longitude: number } | null;
}

/** What the media library shows and searches for a photo. Strings are trimmed NFC, never empty. */
export interface PhotoFacts {
  caption: string | null;
  byline: string | null;
  credit: string | null;
  /** Where the photo was taken as the photo desk named it, or, without a name, its GPS position ("21.0285, 105.8542"). */
  city: string | null;
  /** The province (tỉnh, thành phố) or state, as named in the photo; never a position. */
  province: string | null;
  country: string | null;
  /** ISO 8601 with an offset, e.g. 2025-01-12T08:30:00+07:00. */
  capturedAt: string | null;
}

// A camera that records no offset is, for this newsroom, almost always a reporter's camera set to Vietnamese time.
// Vietnam (Asia/Ho_Chi_Minh, the settings' default zone) has kept UTC+7 without daylight saving since 1975, so a
// constant is exact there.
const assumedOffset = '+07:00';

/** Chooses each fact from the sources a photo carries: XMP before IPTC, then EXIF for the time and GPS for a place. */
export function captionFromPhotoMetadata(raw: RawPhotoMetadata): PhotoFacts {
  // XMP comes first for every field: it is always Unicode, while legacy IPTC text may be in a charset that
  // readPhotoMetadata could only guess.
  return {
    caption: firstText([xmpText(raw.xmp.description), ...raw.iptc.captionAbstract]),
    byline: firstText([xmpText(raw.xmp.creator), ...raw.iptc.byline]),
    credit: firstText([xmpText(raw.xmp.credit), ...raw.iptc.credit]),
    city: firstText([xmpText(raw.xmp.city), ...raw.iptc.city]) ?? coordinates(raw.gps),
    province: firstText([xmpText(raw.xmp.state), ...raw.iptc.provinceState]),
    country: firstText([xmpText(raw.xmp.country), ...raw.iptc.country]),
    capturedAt: capturedAt(raw.exif),
  };
}

function clean(text: string): string | null {
  const cleaned = toNfc(text).trim();
  return cleaned === '' ? null : cleaned;
}

function firstText(candidates: (string | null)[]): string | null {
  for (const candidate of candidates) {
    const text = candidate === null ? null : clean(candidate);
    if (text !== null) return text;
  }
  return null;
}

// For an alternative-language text, the default first, then Vietnamese, then the rest in file order.
function languageRank(item: XmpValue): number {
  if (typeof item !== 'object' || Array.isArray(item)) return 2;
  const lang = item.lang?.toLowerCase() ?? '';
  if (lang === 'x-default') return 0;
  return lang === 'vi' || lang.startsWith('vi-') ? 1 : 2;
}

function xmpText(value: XmpValue | null): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) {
    // Sort is stable, so a list of creators keeps its order and the first named creator wins.
    const ranked = [...value].sort((a, b) => languageRank(a) - languageRank(b));
    return firstText(ranked.map(xmpText));
  }
  if (typeof value === 'object') return clean(String(value.value));
  return clean(String(value));
}

function coordinates(gps: RawPhotoMetadata['gps']): string | null {
  if (gps === null) return null;
  const { latitude, longitude } = gps;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  // 0, 0 is what a receiver without a fix writes, not a photo taken in the Gulf of Guinea.
  if (latitude === 0 && longitude === 0) return null;
  // Four decimals is about 11 m: a street, which is as much as a dateline needs.
  return `${latitude.toFixed(4)}, ${longitude.toFixed(4)}`;
}

// EXIF writes ':' between date parts; a few programs write '-' or a 'T', and those dates are no less true.
const exifDateTime = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const exifOffset = /^([+-])(\d{2}):?(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function offsetOf(text: string | null): string | null {
  const match = text === null ? null : exifOffset.exec(text.trim());
  if (!match) return null;
  const [, sign = '', hours = '', minutes = ''] = match;
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  return `${sign}${hours}:${minutes}`;
}

function capturedAt(exif: RawPhotoMetadata['exif']): string | null {
  const match = exif.dateTimeOriginal === null ? null : exifDateTime.exec(exif.dateTimeOriginal.trim());
  if (!match) return null;
  const [, year = '', month = '', day = '', hour = '', minute = '', second = ''] = match;
  // Cameras with an unset clock write zeros or blanks; those are no date, not the year 0.
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  // The string is the camera's wall clock, so it is kept as written and given its offset: turning it into a Date
  // would read it in this machine's zone, which is how exifr's own dates go wrong.
  const offset = offsetOf(exif.offsetTimeOriginal) ?? offsetOf(exif.offsetTime) ?? assumedOffset;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
}
