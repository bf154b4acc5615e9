import dictionary from 'dictionary-vi';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { spellTokens } from '../../shared/text/spellSyllables';
import { answerSpellRequest } from './spellAnswers';

// The real dictionary the worker bundles, read through the package's Node entry.
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const spell = nspell(decode(dictionary.aff), decode(dictionary.dic));

const misspelled = (text: string) => {
  const words = spellTokens(text).map((token) => token.word);
  const response = answerSpellRequest(spell, { type: 'check', id: 1, words });
  return response.type === 'checked' ? response.misspelled : null;
};
const suggestions = (word: string, style: 'new' | 'old') => {
  const response = answerSpellRequest(spell, { type: 'suggest', id: 2, word, style });
  return response.type === 'suggested' ? response.suggestions : null;
};

describe('the spelling worker with dictionary-vi', () => {
  it('knows the trap: the dictionary itself spells only the old placement', () => {
    expect(spell.correct('hoà')).toBe(true);
    expect(spell.correct('hòa')).toBe(false);
  });

  it('accepts a real news sentence in either tone-mark style', () => {
    expect(misspelled('Bí thư Tỉnh ủy khẳng định hòa bình, chăm lo sức khỏe người dân.')).toEqual([]);
    expect(misspelled('Bí thư Tỉnh uỷ khẳng định hoà bình, chăm lo sức khoẻ người dân.')).toEqual([]);
  });

  it('flags "nghành" and leaves names, numbers and foreign words alone', () => {
    expect(misspelled('Nghành du lịch Quảng Ninh đón 2.000 khách COVID-19 qua Facebook và Google, nghành.')).toEqual(['Nghành', 'nghành']);
  });

  it('suggests "ngành" for "nghành", keeping a capital', () => {
    expect(suggestions('nghành', 'new')?.[0]).toBe('ngành');
    expect(suggestions('Nghành', 'new')?.[0]).toBe('Ngành');
  });

  it('gives suggestions in the newsroom’s tone-mark style', () => {
    // The dictionary answers "hoà", "khoẻ"; a newsroom on the new style is offered "hòa", "khỏe".
    expect(suggestions('hoàa', 'new')).toEqual(expect.arrayContaining(['hòa']));
    expect(suggestions('hoàa', 'new')).not.toContain('hoà');
    expect(suggestions('hoàa', 'old')).toContain('hoà');
    expect(suggestions('khoẻe', 'new')).toContain('khỏe');
    expect(suggestions('khoẻe', 'old')).toContain('khoẻ');
  });
});
