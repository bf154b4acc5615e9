// Vietnamese arrives from input methods, pastes and other programs in both composed (NFC) and decomposed (NFD)
// forms; they look identical but compare, count and search differently, so every string is made NFC at the boundary.

/** Every character below U+0300 is already in NFC and composes with nothing before it. */
const mayNeedComposing = /[\u0300-\uffff]/;

export function toNfc(text: string): string {
  // The check costs nothing on plain ASCII (a photo sent as base64 is 20 MB of it); normalize() would copy it all.
  return mayNeedComposing.test(text) ? text.normalize('NFC') : text;
}

/**
 * NFC-normalises every string inside a JSON-like value (object keys included), leaving other values alone.
 * Builds the copy with a loop, not recursion, so no nesting overflows the stack; and writes each key as an own
 * field, so a key named "__proto__" stays a key the schema refuses, never the copy's prototype (an assignment
 * would set that, and its fields would then read as though the sender had set them).
 */
export function nfcDeep<T>(value: T): T {
  const root: { value?: unknown } = {};
  const pending: { from: unknown; into: object; key: string | number }[] = [{ from: value, into: root, key: 'value' }];
  while (pending.length) {
    const { from, into, key } = pending.pop()!;
    let copy: unknown = from;
    if (typeof from === 'string') {
      copy = toNfc(from);
    } else if (Array.isArray(from)) {
      const items: unknown[] = new Array(from.length);
      from.forEach((item, index) => pending.push({ from: item, into: items, key: index }));
      copy = items;
    } else if (from !== null && typeof from === 'object') {
      const fields = {};
      // Two keys that differ only in composition become one: the later wins, as assignment in order would.
      const byKey = new Map<string, unknown>();
      for (const [name, item] of Object.entries(from)) byKey.set(toNfc(name), item);
      for (const [name, item] of byKey) {
        setOwn(fields, name, undefined);
        pending.push({ from: item, into: fields, key: name });
      }
      copy = fields;
    }
    setOwn(into, key, copy);
  }
  return root.value as T;
}

/** Sets a field as its own data property, as JSON.parse does, whatever its name. */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
