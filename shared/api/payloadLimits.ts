// What any payload must be before it is read at all. Both checks run without recursion, before anything that
// walks the payload recursively (the NFC pass, zod), because those are what a hostile payload breaks: JSON.parse
// builds an object 100,000 levels deep without complaint, and the first recursive reader then overflows the
// stack; a `__proto__` key, parsed as an ordinary field, becomes an object's prototype when copied by assignment.

/**
 * How deep a payload may nest, objects and arrays counted alike. The deepest thing the contract takes is a story
 * body (maxDocumentJsonDepth, 131 levels) inside `stories.update`'s payload and `changes` (two more), so 200 leaves
 * room, and still stops a payload long before a recursive reader nears the stack's end (a few thousand levels).
 */
export const maxPayloadDepth = 200;

/**
 * Keys refused anywhere in a payload. None is a field of the contract; each, copied or merged as a field, reaches
 * an object's prototype or its constructor instead, and a reader then finds fields nobody sent.
 */
export const unsafeKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface PayloadProblem {
  reason: 'too_deep' | 'unsafe_key';
  message: string;
}

/**
 * What makes a JSON-like value unsafe to read, or null: nesting deeper than `maxDepth`, or an unsafe key. Looks
 * at own keys only, as JSON.parse and structured clone make them. A cycle (structured clone keeps one) counts
 * as too deep, so the walk always ends.
 */
export function payloadProblem(value: unknown, maxDepth = maxPayloadDepth): PayloadProblem | null {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > maxDepth) return { reason: 'too_deep', message: `nests deeper than ${maxDepth} levels` };
    if (Array.isArray(item)) {
      for (const child of item) pending.push([child, depth + 1]);
      continue;
    }
    for (const key of Object.keys(item)) {
      if (unsafeKeys.has(key)) return { reason: 'unsafe_key', message: `holds the key "${key}"` };
      pending.push([(item as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return null;
}
