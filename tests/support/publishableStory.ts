import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { wordpressDateGmt } from '../../shared/publish/wordpressPostFields';
import { addDays } from '../../shared/schedule/civilDate';
import { wallClockToInstant } from '../../shared/schedule/wallClockToInstant';
import type { Story, TiptapNode } from '../../shared/story/storySchema';
import { zonedDateKey } from '../../shared/text/vietnameseDate';
import { makePhoto } from './photoFixtures';

/** Any transport's way to call the API: the handler table in unit tests, HTTP in end-to-end ones. */
export type ApiCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** The handler table as an ApiCall (its inputs taken as already valid, as the tests write them). */
export function handlerCall(handlers: { [M in MethodName]: (input: never) => unknown }): ApiCall {
  return (async (method: MethodName, input: unknown) => (handlers[method] as (input: unknown) => unknown)(input)) as ApiCall;
}

export const publishableCaptions = ['Đại tướng phát biểu chỉ đạo tại hội nghị.', 'Các đại biểu dự lễ thông xe sáng 12/1.'] as const;
export const publishableCredits = ['Ảnh: Minh Đức', 'Ảnh: TTXVN'] as const;

const paragraph = (text: string): TiptapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/**
 * A story ready to go out, as a reporter leaves it: a headline, a sapo, a category and tags, two photos each
 * with its caption and credit, the first also the featured image with its own alt text, approved ('ready').
 * The photos are real JPEGs, imported through the media pipeline.
 */
export async function publishableStory(call: ApiCall, dir: string, headline = 'Thông xe đường ven biển Hạ Long – Cẩm Phả'): Promise<Story> {
  const photos: MethodOutput<'media.import'>[] = [];
  // Photos of their own, so each story's photos are new to the library and to the site (a photo is known by its bytes).
  for (const [i, background] of ['#b5532f', '#2a6f97'].entries()) {
    const path = await makePhoto(dir, `anh-${i + 1}-${Date.now()}.jpg`, { width: 320, height: 200, background, uniqueBy: randomUUID() });
    photos.push(await call('media.import', { fileName: `anh-${i + 1}.jpg`, dataBase64: (await readFile(path)).toString('base64') }));
  }
  const figure = (i: 0 | 1): TiptapNode => ({
    type: 'figure',
    attrs: { mediaId: photos[i]!.id, credit: publishableCredits[i], alt: '' },
    content: [{ type: 'text', text: publishableCaptions[i] }],
  });
  const story = await call('stories.create', {
    headline,
    sapo: 'Sáng 12/1, tỉnh Quảng Ninh tổ chức lễ thông xe tuyến đường ven biển dài 16 km.',
    body: { type: 'doc', content: [paragraph('Tuyến đường giúp giảm ùn tắc cho quốc lộ 18.'), figure(0), paragraph('Dự án hoàn thành sớm hai tháng.'), figure(1)] },
    category: 'Thời sự',
    tags: ['Quảng Ninh', 'giao thông'],
    bylines: ['Minh Đức'],
    source: '',
    featuredImage: { mediaId: photos[0]!.id, caption: 'Lễ thông xe đường ven biển.', alt: 'Cắt băng thông xe tuyến đường ven biển' },
  });
  await call('stories.transition', { id: story.id, to: 'submitted' });
  return call('stories.transition', { id: story.id, to: 'ready' });
}

/** 06:00 tomorrow in Hà Nội as an instant, and the UTC `date_gmt` WordPress should keep for it. */
export function tomorrowSixInHanoi(now = new Date()): { publishAt: string; dateGmt: string } {
  const publishAt = wallClockToInstant(addDays(zonedDateKey(now, 'Asia/Ho_Chi_Minh'), 1), '06:00', 'Asia/Ho_Chi_Minh');
  return { publishAt, dateGmt: wordpressDateGmt(publishAt) };
}
