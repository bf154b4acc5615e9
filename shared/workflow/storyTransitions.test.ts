import { describe, expect, it } from 'vitest';
import { storyStatuses, type WorkflowStatus } from '../story/storySchema';
import { applyTransition, checkTransition, describeRefusal, nextStatuses, storyTransitions, workflowStatusOf } from './storyTransitions';
import { completeStory, figure, paragraph } from './testStory';

const context = { limits: { headlineMaxLength: 100, sapoMaxLength: 300 }, otherHeadlines: [] };
const all: WorkflowStatus[] = [...storyStatuses, 'spiked'];
const inStatus = (status: WorkflowStatus) =>
  status === 'spiked' ? completeStory({ status: 'draft', trashedAt: '2024-05-14T02:00:00.000Z' }) : completeStory({ status });

describe('the transition table', () => {
  const allowed: [WorkflowStatus, WorkflowStatus][] = [
    ['draft', 'submitted'],
    ['draft', 'spiked'],
    ['submitted', 'ready'],
    ['submitted', 'draft'],
    ['submitted', 'spiked'],
    ['ready', 'scheduled'],
    ['ready', 'published'],
    ['ready', 'draft'],
    ['ready', 'spiked'],
    ['scheduled', 'ready'],
    ['scheduled', 'published'],
    ['published', 'killed'],
    ['killed', 'draft'],
    ['killed', 'spiked'],
    ['spiked', 'draft'],
  ];
  const isAllowed = (from: WorkflowStatus, to: WorkflowStatus) => allowed.some(([f, t]) => f === from && t === to);

  it('declares exactly these moves', () => {
    const declared = all.flatMap((from) => nextStatuses(from).map((to) => [from, to]));
    expect(declared.sort()).toEqual([...allowed].sort());
  });

  for (const from of all) {
    for (const to of all) {
      if (from === to) continue;
      const verdict = isAllowed(from, to) ? 'allows' : 'refuses';
      it(`${verdict} ${from} → ${to} for a complete story`, () => {
        const result = checkTransition(inStatus(from), to, context);
        if (isAllowed(from, to)) expect(result).toEqual({ allowed: true, items: [] });
        else expect(result).toEqual({ allowed: false, reason: 'not_allowed', items: [] });
      });
    }
  }

  it('refuses a move to the status the story already has', () => {
    expect(checkTransition(completeStory({ status: 'ready' }), 'ready', context)).toMatchObject({ allowed: false, reason: 'same_status' });
    expect(checkTransition(inStatus('spiked'), 'spiked', context)).toMatchObject({ allowed: false, reason: 'same_status' });
  });

  it('never lets a scheduled or published story go straight to the trash', () => {
    expect(storyTransitions.scheduled).not.toContain('spiked');
    expect(storyTransitions.published).not.toContain('spiked');
  });
});

describe('approving a story (→ ready)', () => {
  const submitted = (changes = {}) => completeStory({ status: 'submitted', ...changes });

  it('refuses a story with a photo without a caption, naming the photo', () => {
    const story = submitted({ body: { type: 'doc', content: [paragraph('Mở đầu.'), figure('Có chú thích.'), figure('')] } });
    const verdict = checkTransition(story, 'ready', context);
    expect(verdict).toMatchObject({ allowed: false, reason: 'checklist_errors' });
    expect(verdict.items).toEqual([
      { id: 'figure-caption-2', severity: 'error', messageKey: 'checklist.figureCaption', params: { n: 2 }, field: 'figure:2', text: 'photo 2 has no caption' },
    ]);
    if (!verdict.allowed) expect(describeRefusal(story, 'ready', verdict)).toContain('photo 2 has no caption');
  });

  it('counts a caption of spaces as none', () => {
    const story = submitted({ body: { type: 'doc', content: [figure('   ')] } });
    expect(checkTransition(story, 'ready', context).items.map((i) => i.id)).toEqual(['figure-caption-1']);
  });

  it('refuses a story without a headline or without a sapo, listing both', () => {
    const verdict = checkTransition(submitted({ headline: ' ', sapo: '' }), 'ready', context);
    expect(verdict).toMatchObject({ allowed: false, reason: 'checklist_errors' });
    expect(verdict.items.map((i) => [i.id, i.field])).toEqual([
      ['headline-missing', 'headline'],
      ['sapo-missing', 'sapo'],
    ]);
  });

  it('does not ask for what only publishing needs: a category, credits, a featured image', () => {
    const story = submitted({ category: '', featuredImage: null, body: { type: 'doc', content: [figure('Chú thích', '')] } });
    expect(checkTransition(story, 'ready', context)).toEqual({ allowed: true, items: [] });
  });

  it('lets the other moves through without checks', () => {
    expect(checkTransition(completeStory({ headline: '', status: 'draft' }), 'submitted', context).allowed).toBe(true);
    expect(checkTransition(completeStory({ headline: '', status: 'ready' }), 'draft', context).allowed).toBe(true);
  });
});

describe('scheduling and publishing (→ scheduled, → published)', () => {
  it('runs the whole checklist: errors block even with acceptWarnings', () => {
    const story = completeStory({ status: 'ready', category: '' });
    expect(checkTransition(story, 'published', { ...context, acceptWarnings: true })).toMatchObject({ allowed: false, reason: 'checklist_errors' });
  });

  it('lets warnings through only once they are accepted', () => {
    const story = completeStory({ status: 'ready', headline: 'Tít '.repeat(40) });
    const refused = checkTransition(story, 'scheduled', context);
    expect(refused).toMatchObject({ allowed: false, reason: 'checklist_warnings' });
    expect(refused.items.map((i) => i.id)).toEqual(['headline-long']);
    expect(checkTransition(story, 'scheduled', { ...context, acceptWarnings: true })).toMatchObject({ allowed: true, items: [{ id: 'headline-long' }] });
  });
});

describe('applying a move', () => {
  const at = '2024-05-14T03:00:00.000Z';

  it('sets the status and records it with its time', () => {
    const story = applyTransition(completeStory({ status: 'submitted', statusHistory: [{ status: 'submitted', at: '2024-05-14T02:00:00.000Z' }] }), 'ready', at);
    expect(story.status).toBe('ready');
    expect(story.statusHistory).toEqual([
      { status: 'submitted', at: '2024-05-14T02:00:00.000Z' },
      { status: 'ready', at },
    ]);
  });

  it('starts the record for a story from before the workflow', () => {
    expect(applyTransition(completeStory(), 'submitted', at).statusHistory).toEqual([{ status: 'submitted', at }]);
  });

  it('spikes into the trash, keeping the stored status, and comes out as a draft', () => {
    const spiked = applyTransition(completeStory({ status: 'killed' }), 'spiked', at);
    expect(spiked).toMatchObject({ status: 'killed', trashedAt: at });
    expect(workflowStatusOf(spiked)).toBe('spiked');
    const back = applyTransition(spiked, 'draft', '2024-05-14T04:00:00.000Z');
    expect(back).toMatchObject({ status: 'draft', trashedAt: null });
    expect(back.statusHistory!.map((e) => e.status)).toEqual(['spiked', 'draft']);
  });
});
