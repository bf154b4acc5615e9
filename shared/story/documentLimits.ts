import { payloadProblem, unsafeKeys } from '../api/payloadLimits';

/**
 * How deep a story's body may nest, in nodes, counting the doc and the text: doc › blockquote › paragraph › text
 * is 4. A real story is about that deep; lists inside lists inside a quote, ten lists down, are 24. 64 is far
 * past anything a reporter writes, and small enough that every reader that walks a body (zod's schema, the
 * editor, JSON.stringify and structured clone, which all recurse) stays a long way from the stack's end. A body
 * saved 1,000 levels deep could not be read back, and took the library down with it.
 */
export const maxDocumentDepth = 64;

/** How deep a node's other fields (its attrs, its marks and theirs) may nest: marks › mark › attrs › value is 4. */
const maxFieldDepth = 8;

/** The deepest JSON a valid body holds: its deepest text node, and that node's marks. The payload limit allows for it. */
export const maxDocumentJsonDepth = 2 * maxDocumentDepth - 1 + maxFieldDepth;

/**
 * Why a would-be body cannot be taken, or null. Checked without recursion before the schema's recursive check
 * runs, so a body of any depth (already on disk, or sent) is refused rather than overflowing the stack. Only the
 * depth and the keys are checked here; the shape is the schema's.
 */
export function documentProblem(body: unknown): string | null {
  const pending: [unknown, number][] = [[body, 1]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDocumentDepth) return `the body nests deeper than ${maxDocumentDepth} levels`;
    if (Array.isArray(node)) {
      // Not a node: the schema refuses it without looking inside, as long as it is not too deep to copy.
      if (payloadProblem(node, maxFieldDepth)) return `the body holds something that is not a node`;
      continue;
    }
    for (const key of Object.keys(node)) {
      if (unsafeKeys.has(key)) return `the body holds the key "${key}"`;
      const value = (node as Record<string, unknown>)[key];
      if (key === 'content' && Array.isArray(value)) {
        for (const child of value) pending.push([child, depth + 1]);
        continue;
      }
      const problem = payloadProblem(value, maxFieldDepth);
      if (problem) return `a node's ${key} in the body ${problem.message}`;
    }
  }
  return null;
}
