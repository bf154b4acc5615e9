import type { ParseKeys, TFunction } from 'i18next';

/** A key of the message tables (vi.ts, which en.ts must match): a key built at run time is typed as one, so a missing one fails typecheck. */
export type MessageKey = ParseKeys;

/** i18next's `t`, as helpers outside a component take it. */
export type Translate = TFunction;

/**
 * A key that may have no message, tried before a fallback that has one (`t([optionalKey(…), 'x.other'])`): the one
 * place a key is not checked by the compiler, kept for families where only some members have their own words
 * (a reason per delivery target, say). The unused-key check counts the family's prefix as used.
 */
export function optionalKey(key: string): MessageKey {
  return key as MessageKey;
}
