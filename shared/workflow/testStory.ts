import type { Story, TiptapNode } from '../story/storySchema';

/** A story that passes every check, for the workflow's tests to break one thing at a time. */
export function completeStory(overrides: Partial<Story> = {}): Story {
  const at = '2024-05-14T01:34:23.000Z';
  return {
    schemaVersion: 3,
    id: 'story-0001',
    kicker: '',
    headline: 'Thông xe đường ven biển Hạ Long – Cẩm Phả',
    sapo: 'Sáng 12/1, tỉnh Quảng Ninh tổ chức lễ thông xe tuyến đường dài 16 km.',
    body: { type: 'doc', content: [paragraph('Tuyến đường giúp giảm ùn tắc.'), figure('Toàn cảnh lễ thông xe.', 'Ảnh: Minh Đức')] },
    status: 'draft',
    category: 'Thời sự',
    tags: [],
    bylines: ['Minh Đức'],
    dateline: 'Quảng Ninh',
    source: '',
    ednote: '',
    storyType: 'tin',
    featuredImage: { mediaId: 'a'.repeat(64), caption: 'Lễ thông xe', alt: '' },
    createdAt: at,
    updatedAt: at,
    revision: 1,
    trashedAt: null,
    ...overrides,
  };
}

export const paragraph = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

export const figure = (caption: string, credit = ''): TiptapNode => ({
  type: 'figure',
  attrs: { mediaId: 'b'.repeat(64), credit, alt: '' },
  ...(caption ? { content: [{ type: 'text', text: caption }] } : {}),
});
