import { describe, expect, it } from 'vitest';
import { checklistFor, deliveryHolds, prePublishChecklist, sameHeadline } from './prePublishChecklist';
import { completeStory, figure, paragraph } from './testStory';

const context = { limits: { headlineMaxLength: 100, sapoMaxLength: 300 }, otherHeadlines: ['Giá vàng hôm nay tăng mạnh'] };
const ids = (story = completeStory(), ctx = context) => prePublishChecklist(story, ctx).map((item) => [item.id, item.severity, item.field]);

describe('prePublishChecklist', () => {
  it('finds nothing wrong with a complete story', () => {
    expect(prePublishChecklist(completeStory(), context)).toEqual([]);
  });

  it('wants a headline and a sapo (errors)', () => {
    expect(ids(completeStory({ headline: '', sapo: '  ' }))).toEqual([
      ['headline-missing', 'error', 'headline'],
      ['sapo-missing', 'error', 'sapo'],
    ]);
  });

  it('wants a category (error)', () => {
    expect(ids(completeStory({ category: '' }))).toEqual([['category-missing', 'error', 'category']]);
  });

  it('wants a source line only where the story is not original (error)', () => {
    expect(ids(completeStory({ original: false, source: '' }))).toEqual([['source-missing', 'error', 'source']]);
    expect(ids(completeStory({ original: false, source: 'Theo: nhandan.vn' }))).toEqual([]);
    expect(ids(completeStory({ original: true, source: '' }))).toEqual([]);
    // A story from before the field is taken as original.
    expect(ids(completeStory({ original: undefined, source: '' }))).toEqual([]);
  });

  it('wants a caption and a credit on every figure, naming each one (errors)', () => {
    const body = { type: 'doc', content: [paragraph('Mở đầu.'), figure('Chú thích', 'Ảnh: TTXVN'), figure('', 'Ảnh: Minh Đức'), figure('Chú thích ba')] };
    const items = prePublishChecklist(completeStory({ body }), context);
    expect(items.map((i) => [i.id, i.severity, i.field, i.params])).toEqual([
      ['figure-caption-2', 'error', 'figure:2', { n: 2 }],
      ['figure-credit-3', 'error', 'figure:3', { n: 3 }],
    ]);
  });

  it('wants the featured image set (error)', () => {
    expect(ids(completeStory({ featuredImage: null }))).toEqual([['featured-missing', 'error', 'featuredImage']]);
  });

  it('warns of a headline or a sapo over the newsroom limits, counting characters, not bytes', () => {
    const headline = 'ặ'.repeat(101);
    const items = prePublishChecklist(completeStory({ headline, sapo: 'ự'.repeat(301) }), context);
    expect(items.map((i) => [i.id, i.severity, i.params])).toEqual([
      ['headline-long', 'warning', { length: 101, max: 100 }],
      ['sapo-long', 'warning', { length: 301, max: 300 }],
    ]);
    expect(ids(completeStory({ headline: 'ặ'.repeat(100), sapo: 'ự'.repeat(300) }))).toEqual([]);
  });

  it('follows the limits it is given', () => {
    expect(ids(completeStory({ headline: 'Mười hai chữ' }), { ...context, limits: { headlineMaxLength: 20, sapoMaxLength: 300 } })).toEqual([]);
    expect(ids(completeStory({ headline: 'Một tít dài hơn hai mươi ký tự' }), { ...context, limits: { headlineMaxLength: 20, sapoMaxLength: 300 } })).toEqual([
      ['headline-long', 'warning', 'headline'],
    ]);
  });

  it('warns of a headline another story already has, whatever its case or spacing', () => {
    expect(ids(completeStory({ headline: 'GIÁ VÀNG  hôm nay tăng mạnh ' }))).toEqual([['headline-duplicate', 'warning', 'headline']]);
    expect(ids(completeStory({ headline: 'Gia vang hom nay tang manh' }))).toEqual([]);
  });

  it('shows every problem at once, errors before warnings', () => {
    const story = completeStory({ headline: 'Giá vàng hôm nay tăng mạnh', sapo: '', category: '', featuredImage: null, body: { type: 'doc', content: [figure('')] } });
    expect(prePublishChecklist(story, context).map((i) => [i.id, i.severity])).toEqual([
      ['sapo-missing', 'error'],
      ['category-missing', 'error'],
      ['figure-caption-1', 'error'],
      ['figure-credit-1', 'error'],
      ['featured-missing', 'error'],
      ['headline-duplicate', 'warning'],
    ]);
  });
});

describe('checklistFor', () => {
  it('runs the readiness rules for ready, the whole checklist for scheduled and published, nothing otherwise', () => {
    const story = completeStory({ category: '', body: { type: 'doc', content: [figure('')] } });
    expect(checklistFor(story, 'ready', context).map((i) => i.id)).toEqual(['figure-caption-1']);
    expect(checklistFor(story, 'scheduled', context).map((i) => i.id)).toEqual(['category-missing', 'figure-caption-1', 'figure-credit-1']);
    expect(checklistFor(story, 'published', context).map((i) => i.id)).toEqual(['category-missing', 'figure-caption-1', 'figure-credit-1']);
    for (const to of ['draft', 'submitted', 'killed', 'spiked'] as const) expect(checklistFor(story, to, context)).toEqual([]);
  });
});

describe('the destination check', () => {
  it('names the missing destination before a story is scheduled or published, as a warning the reporter can accept', () => {
    const story = completeStory();
    for (const to of ['scheduled', 'published'] as const) {
      expect(checklistFor(story, to, { ...context, destinations: [] }).map((i) => [i.id, i.severity, i.field])).toEqual([['destination-missing', 'warning', 'destination']]);
      expect(checklistFor(story, to, { ...context, destinations: ['folder'] })).toEqual([]);
      // Not asked (the move itself): not checked.
      expect(checklistFor(story, to, context)).toEqual([]);
    }
    expect(checklistFor(story, 'ready', { ...context, destinations: [] })).toEqual([]);
  });
});

describe('deliveryHolds', () => {
  it('holds a story on its way out for the errors an edit brought in, never for warnings', () => {
    const broken = { sapo: '', body: { type: 'doc', content: [paragraph('Mở đầu.'), figure('', 'Ảnh: TTXVN')] } };
    for (const status of ['ready', 'scheduled', 'published'] as const) {
      expect(deliveryHolds({ ...completeStory(broken), status }, context).map((i) => i.id)).toEqual(['sapo-missing', 'figure-caption-1']);
      expect(deliveryHolds({ ...completeStory({ headline: 'Giá vàng hôm nay tăng mạnh' }), status }, context)).toEqual([]);
    }
    for (const status of ['draft', 'submitted', 'killed'] as const) expect(deliveryHolds({ ...completeStory(broken), status }, context)).toEqual([]);
  });
});

describe('sameHeadline', () => {
  it('never calls two empty headlines the same', () => {
    expect(sameHeadline('', '  ')).toBe(false);
  });
});
