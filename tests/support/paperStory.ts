import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { MethodOutput } from '../../shared/api/contract';
import type { Story, TiptapNode } from '../../shared/story/storySchema';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { makePhoto } from './photoFixtures';
import { tomorrowSixInHanoi, type ApiCall } from './publishableStory';

/** What every output of paperStory must show, written out by hand rather than taken from the code under test. */
export interface PaperFacts {
  headline: string;
  /** The sapo as printed, opening with the dateline place. */
  sapo: string;
  /** The three photos' captions and credits, in reading order: the featured image is the second. */
  captions: string[];
  credits: string[];
  photoCount: number;
  /** The time line under the headline: the scheduled time on the newsroom's clock. */
  timeLine: string;
  publishAt: string;
  byline: string;
  source: string;
  /** The sapo and the three paragraphs, in chữ (the headline and captions are not counted). */
  words: number;
}

const paragraphs = [
  'Tuyến đường giúp giảm ùn tắc cho quốc lộ 18 và rút ngắn thời gian đi lại.',
  'Theo Sở Giao thông vận tải, tổng vốn đầu tư hơn 2.000 tỷ đồng.',
  'Người dân ở phường Hà Phong mừng rỡ: “Giờ đi làm chỉ mất 20 phút.”',
];
const sapo = 'Sáng 12/1, tỉnh Quảng Ninh tổ chức lễ thông xe tuyến đường ven biển dài 16 km.';
const captions = ['Tuyến đường nhìn từ trên cao, đoạn qua phường Hà Phong.', 'Lễ cắt băng khánh thành sáng 12/1.', 'Xe cộ lưu thông trên tuyến mới.'];
const credits = ['Ảnh: Minh Đức', 'Ảnh: Thu Hằng – Báo Quảng Ninh', 'Ảnh: TTXVN'];

/**
 * The story of issue #15's acceptance test: a featured photo that also stands in the body, three photos with
 * captions and credits, two bylines, a dateline place and a source line, scheduled for 06:00 tomorrow in Hà Nội.
 */
export async function paperStory(call: ApiCall, dir: string, headline = 'Đường ven biển Hạ Long – Cẩm Phả thông xe trước Tết'): Promise<{ story: Story; facts: PaperFacts }> {
  const photos: MethodOutput<'media.import'>[] = [];
  for (const [i, background] of ['#2a6f97', '#b5651d', '#3a7d44'].entries()) {
    const path = await makePhoto(dir, `paper-${i + 1}-${randomUUID()}.jpg`, { width: 480, height: 300, background, uniqueBy: randomUUID() });
    photos.push(await call('media.import', { fileName: `anh-${i + 1}.jpg`, dataBase64: (await readFile(path)).toString('base64') }));
  }
  const figure = (i: number): TiptapNode => ({ type: 'figure', attrs: { mediaId: photos[i]!.id, credit: credits[i], alt: '' }, content: [{ type: 'text', text: captions[i]! }] });
  const paragraph = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const created = await call('stories.create', {
    kicker: 'Giao thông',
    headline,
    sapo,
    body: { type: 'doc', content: [paragraph(paragraphs[0]!), figure(0), paragraph(paragraphs[1]!), figure(1), paragraph(paragraphs[2]!), figure(2)] },
    category: 'Thời sự',
    tags: ['Quảng Ninh', 'giao thông'],
    bylines: ['Minh Đức', 'Thu Hà'],
    dateline: 'Quảng Ninh',
    source: 'nhandan.vn',
    original: false,
    // The lead photo is the second one in the body: every output shows it once, there.
    featuredImage: { mediaId: photos[1]!.id, caption: 'Lễ cắt băng khánh thành.', alt: 'Cắt băng khánh thành đường ven biển' },
  });
  const { publishAt } = tomorrowSixInHanoi();
  await call('stories.transition', { id: created.id, to: 'submitted' });
  await call('stories.transition', { id: created.id, to: 'ready' });
  const story = await call('stories.transition', { id: created.id, to: 'scheduled', publishAt, acceptWarnings: true });
  return {
    story,
    facts: {
      headline,
      sapo: `QUẢNG NINH – ${sapo}`,
      captions,
      credits,
      photoCount: 3,
      timeLine: formatVietnameseDateTime(publishAt, 'Asia/Ho_Chi_Minh'),
      publishAt,
      byline: 'Minh Đức – Thu Hà',
      source: 'Theo: nhandan.vn',
      // 17 in the sapo, then 17, 14 and 15 in the paragraphs: "12/1", "2.000" and "20" are words too.
      words: 17 + 17 + 14 + 15,
    },
  };
}
