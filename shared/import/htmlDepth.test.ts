import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DomDocument } from './domLike';
import { maxHtmlDepth, nestsDeeperThan } from './htmlDepth';

const nested = (levels: number) => `${'<div>'.repeat(levels)}chữ${'</div>'.repeat(levels)}`;
const body = (html: string) => (parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as DomDocument).body;

describe('nestsDeeperThan', () => {
  it('tells a Word-like document from one nested to overflow the stack, without recursing itself', () => {
    expect(nestsDeeperThan(body(nested(maxHtmlDepth)))).toBe(false);
    expect(nestsDeeperThan(body(nested(maxHtmlDepth + 1)))).toBe(true);
    // 30,000 levels overflow a recursive walk's stack; more only makes linkedom's parse slower (quadratic in depth).
    expect(nestsDeeperThan(body(nested(30_000)))).toBe(true);
  }, 120_000);
});
