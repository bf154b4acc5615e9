import { describe, expect, it } from 'vitest';
import { sourceLine } from '../story/renderStoryHtml';
import type { TiptapNode } from '../story/storySchema';
import { completeStory } from '../workflow/testStory';
import { paperPageLayout } from './paperPageLayout';
import { renderPaperArticle } from './renderPaperArticle';

const zone = 'Asia/Ho_Chi_Minh';
const now = '2026-12-05T08:00:00.000Z';
const lead = 'c'.repeat(64);
const other = 'd'.repeat(64);
const figure = (mediaId: string, caption: string, credit: string): TiptapNode => ({ type: 'figure', attrs: { mediaId, alt: '', credit }, content: [{ type: 'text', text: caption }] });
const paragraph = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const story = completeStory({
  kicker: 'Giao thông',
  sapo: 'Sáng 12/1, tỉnh tổ chức lễ thông xe.',
  dateline: 'Quảng Ninh',
  bylines: ['Minh Đức', ' Thu Hà '],
  source: 'nhandan.vn',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Tuyến đường dài ' }, { type: 'text', text: '16 km', marks: [{ type: 'bold' }] }] },
      figure(other, 'Toàn cảnh tuyến đường.', 'Ảnh: Minh Đức'),
      { type: 'paragraph', content: [{ type: 'text', text: 'xem', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }, { type: 'text', text: '<script>alert(1)</script>' }] },
      figure(lead, 'Lễ cắt băng.', 'Ảnh: Thu Hà'),
    ],
  },
  featuredImage: { mediaId: lead, caption: 'Ảnh đại diện.', alt: '' },
});
const imageUrl = (attrs: Record<string, unknown>) => `/media/${String(attrs.mediaId).slice(0, 4)}.jpg`;

describe('paperPageLayout', () => {
  it('shows a featured image that stands in the body once, at its place in the body, with the body’s caption and credit', () => {
    const page = paperPageLayout(story, { timeZone: zone, now });
    expect(page.lead).toBeNull();
    expect(page.photos.map((photo) => [photo.mediaId, photo.caption, photo.credit, photo.lead])).toEqual([
      [other, 'Toàn cảnh tuyến đường.', 'Ảnh: Minh Đức', false],
      [lead, 'Lễ cắt băng.', 'Ảnh: Thu Hà', true],
    ]);
    const html = renderPaperArticle(page, { imageUrl });
    expect(html.match(/<img /g)).toHaveLength(2);
    expect(html).not.toContain('Ảnh đại diện.');
  });

  it('puts a featured image that is not in the body between the sapo and the body, with its own caption', () => {
    const page = paperPageLayout({ ...story, body: { type: 'doc', content: [paragraph('Một đoạn.')] } }, { timeZone: zone, now });
    expect(page.lead).toMatchObject({ mediaId: lead, caption: 'Ảnh đại diện.', alt: 'Ảnh đại diện.', lead: true });
    const html = renderPaperArticle(page, { imageUrl });
    expect(html.indexOf('class="sapo"')).toBeLessThan(html.indexOf('<figure class="lead">'));
    expect(html.indexOf('<figure class="lead">')).toBeLessThan(html.indexOf('<div class="body">'));
  });

  it('prints the publish time of a published or scheduled story, and "Bản nháp" with the day for anything else', () => {
    const publishAt = { at: '2024-05-14T01:34:23.000Z', timeZone: zone };
    expect(paperPageLayout({ ...story, status: 'scheduled', publishAt }, { timeZone: zone, now }).timeLine).toEqual({ kind: 'scheduled', at: publishAt.at, text: 'Thứ 3, 14/05/2024 | 08:34:23' });
    expect(paperPageLayout({ ...story, status: 'published', publishAt }, { timeZone: zone, now }).timeLine.text).toBe('Thứ 3, 14/05/2024 | 08:34:23');
    expect(paperPageLayout({ ...story, status: 'killed', publishAt }, { timeZone: zone, now }).timeLine.kind).toBe('published');
    // A story published before scheduling existed: the moment it was marked published.
    const marked = { ...story, status: 'published' as const, publishAt: null, statusHistory: [{ status: 'published' as const, at: '2024-05-14T02:00:00.000Z' }] };
    expect(paperPageLayout(marked, { timeZone: zone, now }).timeLine.text).toBe('Thứ 3, 14/05/2024 | 09:00:00');
    for (const status of ['draft', 'submitted', 'ready'] as const) {
      // 08:00 UTC is 15:00 in Hà Nội, a Saturday; the last save's time is never shown.
      expect(paperPageLayout({ ...story, status }, { timeZone: zone, now }).timeLine).toEqual({ kind: 'draft', at: now, text: 'Bản nháp · Thứ 7, 05/12/2026' });
    }
    // The day is the newsroom's: 20:00 UTC on the 5th is already the 6th in Hà Nội.
    expect(paperPageLayout(story, { timeZone: zone, now: '2026-12-05T20:00:00.000Z' }).timeLine.text).toBe('Bản nháp · Chủ nhật, 06/12/2026');
  });

  it('counts the sapo and the body, not the headline, the kicker or the captions', () => {
    // "Sáng 12/1, tỉnh tổ chức lễ thông xe." is 8; the body's text "Tuyến đường dài 16 km" 5 and "xem<script>alert(1)</script>" 1.
    expect(paperPageLayout(story, { timeZone: zone, now }).words).toBe(14);
  });
});

describe('renderPaperArticle', () => {
  const html = renderPaperArticle(paperPageLayout({ ...story, status: 'published', publishAt: { at: '2024-05-14T01:34:23Z', timeZone: zone } }, { timeZone: zone, now }), { imageUrl });

  it('prints the parts in the paper’s order, with the Vietnamese time line', () => {
    const order = ['class="kicker"', 'class="headline"', 'Thứ 3, 14/05/2024 | 08:34:23', 'class="sapo"', '<figure>', 'class="byline"', 'Theo: nhandan.vn'];
    const positions = order.map((part) => html.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts the caption and credit under the image, the caption standing in for empty alt text', () => {
    expect(html).toContain('<figure><img src="/media/dddd.jpg" alt="Toàn cảnh tuyến đường."><figcaption><span class="caption">Toàn cảnh tuyến đường.</span><span class="credit">Ảnh: Minh Đức</span></figcaption></figure>');
  });

  it('opens the sapo with the dateline place and closes with the bylines and the source line', () => {
    expect(html).toContain('<p class="sapo"><strong>QUẢNG NINH – Sáng 12/1');
    expect(html).toContain('<p class="byline">Minh Đức – Thu Hà</p><p class="source">Theo: nhandan.vn</p>');
  });

  it('escapes text and drops unsafe links', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
  });

  it('writes a source line once', () => {
    expect(sourceLine('nhandan.vn')).toBe('Theo: nhandan.vn');
    expect(sourceLine('Theo: TTXVN')).toBe('Theo: TTXVN');
    expect(sourceLine('Nguồn: VTV')).toBe('Nguồn: VTV');
    expect(sourceLine('  ')).toBe('');
  });
});
