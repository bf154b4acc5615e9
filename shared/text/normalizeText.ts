// Vietnamese arrives from input methods, pastes and other programs in both composed (NFC) and decomposed (NFD)
// forms; they look identical but compare, count and search differently, so every string is made NFC at the boundary.

/** Every character below U+0300 is already in NFC and composes with nothing before it. */
const mayNeedComposing = /[\u0300-\uffff]/;

export function toNfc(text: string): string {
  // The check costs nothing on plain ASCII (a photo sent as base64 is 20 MB of it); normalize() would copy it all.
  return mayNeedComposing.test(text) ? text.normalize('NFC') : text;
}

/** NFC-normalises every string inside a JSON-like value (object keys included), leaving other values alone. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return toNfc(value) as T;
  if (Array.isArray(value)) return value.map((item) => nfcDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[toNfc(key)] = nfcDeep(item);
    return out as T;
  }
  return value;
}
