import { describe, expect, it } from 'vitest';
import { renderStoryHtml, sourceLine } from './renderStoryHtml';

const story = {
  kicker: 'Giao thông',
  headline: 'Đường ven biển Hạ Long – Cẩm Phả thông xe',
  sapo: 'Sáng 12/1, tỉnh tổ chức lễ thông xe.',
  dateline: 'Quảng Ninh',
  bylines: ['Minh Đức', 'Thu Hà'],
  source: 'nhandan.vn',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Tuyến đường dài ' }, { type: 'text', text: '16 km', marks: [{ type: 'bold' }] }] },
      { type: 'figure', attrs: { src: 'data:image/png;base64,AAAA', alt: 'Lễ thông xe', credit: 'Ảnh: Minh Đức' }, content: [{ type: 'text', text: 'Đại tướng phát biểu chỉ đạo tại hội nghị.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'xem', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }, { type: 'text', text: '<script>alert(1)</script>' }] },
    ],
  },
};
const options = { timeZone: 'Asia/Ho_Chi_Minh', shownAt: '2024-05-14T01:34:23Z', imageUrl: (a: Record<string, unknown>) => (a.src as string) ?? null };

describe('renderStoryHtml', () => {
  const html = renderStoryHtml(story, options);

  it('prints the parts in the paper’s order, with the Vietnamese time line', () => {
    const order = ['class="kicker"', 'class="headline"', 'Thứ 3, 14/05/2024 | 08:34:23', 'class="sapo"', '<figure>', 'class="byline"', 'Theo: nhandan.vn'];
    const positions = order.map((part) => html.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts the caption and credit under the image', () => {
    expect(html).toContain('<figure><img src="data:image/png;base64,AAAA" alt="Lễ thông xe"><figcaption><span class="caption">Đại tướng phát biểu chỉ đạo tại hội nghị.</span><span class="credit">Ảnh: Minh Đức</span></figcaption></figure>');
  });

  it('gives a photo without alt text its caption as alt', () => {
    const figure = { type: 'figure', attrs: { src: 'x.jpg', alt: '' }, content: [{ type: 'text', text: 'Biển Hạ Long.' }] };
    expect(renderStoryHtml({ ...story, body: { type: 'doc', content: [figure] } }, options)).toContain('<img src="x.jpg" alt="Biển Hạ Long.">');
  });

  it('opens the sapo with the dateline place', () => {
    expect(html).toContain('<p class="sapo"><strong>QUẢNG NINH – Sáng 12/1');
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
