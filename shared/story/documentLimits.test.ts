import { describe, expect, it } from 'vitest';
import { nestedBody, nestedBodyJson, nestedListBody } from '../../tests/support/nestedDocument';
import { documentProblem, maxDocumentDepth } from './documentLimits';

describe('documentProblem', () => {
  it(`takes a body ${maxDocumentDepth} nodes deep, marks and all, and refuses one node more`, () => {
    for (const make of [nestedBody, nestedListBody]) {
      expect(documentProblem(make(maxDocumentDepth))).toBeNull();
      expect(documentProblem(make(maxDocumentDepth + 1))).toBe(`the body nests deeper than ${maxDocumentDepth} levels`);
    }
  });

  it('refuses a body of any depth without overflowing the stack', () => {
    expect(documentProblem(JSON.parse(nestedBodyJson(100_000)))).toMatch(/deeper than/);
  });

  it('refuses attrs nested deep, or a prototype key anywhere, in a body that is shallow', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(documentProblem({ type: 'doc', content: [{ type: 'figure', attrs: { mediaId: deep } }] })).toBe("a node's attrs in the body nests deeper than 8 levels");
    expect(documentProblem(JSON.parse('{"type":"doc","content":[{"type":"figure","attrs":{"__proto__":{"mediaId":"x"}}}]}'))).toBe(`a node's attrs in the body holds the key "__proto__"`);
    expect(documentProblem(JSON.parse('{"type":"doc","content":[{"type":"paragraph","constructor":{}}]}'))).toBe('the body holds the key "constructor"');
  });
});
