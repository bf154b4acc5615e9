import { describe, expect, it } from 'vitest';
import { makeStory } from '../../tests/support/seedLibrary';
import { restoreField } from './restoreField';

const figure = (caption: string) => ({ type: 'figure', attrs: { mediaId: null, credit: '', alt: '' }, content: [{ type: 'text', text: caption }] });
const doc = (text: string, caption: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }, figure(caption)] });

describe('restoreField', () => {
  const version = makeStory({ headline: 'Tít cũ', tags: ['Hạ Long'], body: doc('Đoạn cũ.', 'Chú thích cũ.') });
  const current = { ...version, headline: 'Tít mới', tags: ['Quảng Ninh'], body: doc('Đoạn mới.', 'Chú thích mới.'), revision: 7 };

  it('brings back a single field and nothing else', () => {
    expect(restoreField(current, version, 'headline')).toEqual({ headline: 'Tít cũ' });
    expect(restoreField(current, version, 'tags')).toEqual({ tags: ['Hạ Long'] });
  });

  it('brings back one caption inside today’s body, keeping today’s text', () => {
    const changes = restoreField(current, version, 'caption:1')!;
    expect(JSON.stringify(changes.body)).toContain('Đoạn mới.');
    expect(JSON.stringify(changes.body)).toContain('Chú thích cũ.');
    expect(restoreField(current, version, 'caption:2')).toBeNull();
  });

  it('refuses a field it does not know', () => {
    expect(restoreField(current, version, 'revision')).toBeNull();
  });
});
