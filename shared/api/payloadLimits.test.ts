import { describe, expect, it } from 'vitest';
import { nestedBody } from '../../tests/support/nestedDocument';
import { maxDocumentDepth, maxDocumentJsonDepth } from '../story/documentLimits';
import { maxPayloadDepth, payloadProblem } from './payloadLimits';

describe('payloadProblem', () => {
  it('leaves room for the deepest body the schema takes, inside stories.update', () => {
    expect(maxDocumentJsonDepth + 2).toBeLessThan(maxPayloadDepth);
    const update = { id: 'aaaaaaaa', baseRevision: 1, changes: { body: nestedBody(maxDocumentDepth) } };
    expect(payloadProblem(update)).toBeNull();
  });

  it('counts objects and arrays alike, up to the limit and no further', () => {
    let value: unknown = 1;
    for (let depth = 1; depth <= maxPayloadDepth; depth++) value = depth % 2 ? { a: value } : [value];
    expect(payloadProblem(value)).toBeNull();
    expect(payloadProblem([value])).toMatchObject({ reason: 'too_deep' });
  });

  it('ends on a cycle, as too deep', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = [cycle];
    expect(payloadProblem(cycle)).toMatchObject({ reason: 'too_deep' });
  });

  it('finds a prototype key anywhere, as JSON.parse makes it, and nothing in strings', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(payloadProblem(JSON.parse(`{"tags":[{"a":{"${key}":{"x":1}}}]}`))).toEqual({ reason: 'unsafe_key', message: `holds the key "${key}"` });
    }
    expect(payloadProblem({ headline: '__proto__ constructor prototype', tags: ['constructor'] })).toBeNull();
  });
});
