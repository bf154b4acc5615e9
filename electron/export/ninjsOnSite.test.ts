import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerCall, publishableStory, tomorrowSixInHanoi } from '../../tests/support/publishableStory';
import { ninjsItemOf } from '../../tests/support/readZip';
import { openTempServices, type TempServices } from '../../tests/support/tempServices';
import { readWordPress, wpRequest, type WordPressInfo } from '../../tests/support/wordpressServer';
import { createHandlers } from '../api/createHandlers';

// Against the real WordPress that tests/wordpress/startWordPress.sh starts on 127.0.0.1 (`.ci/run` calls it).
const wordpress = readWordPress();
const unavailable = 'unavailable' in wordpress ? wordpress.unavailable : null;
if (unavailable) console.warn(`[skip] ninjs renditions on the site: ${unavailable}`);

type Rendition = { name: string; href?: string };
type Association = { uri: string; renditions: Rendition[] };

describe.skipIf(unavailable !== null)('ninjs of a story delivered to WordPress', () => {
  const wp = wordpress as WordPressInfo;
  let temp: TempServices;
  beforeAll(async () => {
    temp = await openTempServices({ env: { DATELINE_WP_URL: wp.url, DATELINE_WP_USER: wp.user, DATELINE_WP_APP_PASSWORD: wp.appPassword } });
  });
  afterAll(() => temp?.close());

  it('names each photo twice: the file in the bundle, and its address on the site, which answers with the photo', async () => {
    const handlers = createHandlers(temp.services);
    const story = await publishableStory(handlerCall(handlers), temp.dir, `Renditions trên trang ${Date.now()}`);
    const export$ = async () => (await ninjsItemOf(Buffer.from((await handlers['stories.export']({ id: story.id, format: 'ninjsBundle' })).dataBase64, 'base64'))) as { associations: Association[] };

    // Not delivered yet: only the bundle's file.
    expect((await export$()).associations.map((a) => a.renditions.map((r) => r.name))).toEqual([['original'], ['original']]);

    await handlers['stories.transition']({ id: story.id, to: 'scheduled', publishAt: tomorrowSixInHanoi().publishAt });
    const { items } = await handlers['outbox.flush']({});
    expect(items.find((item) => item.storyId === story.id)).toMatchObject({ target: 'wordpress', state: 'delivered' });

    const item = await export$();
    for (const association of item.associations) {
      const web = association.renditions.find((r) => r.name === 'web');
      expect(web?.href).toMatch(/^https?:\/\//);
      // The site's own record of the photo, found by the name the delivery gave it, says the same address.
      const mediaId = association.uri.replace('urn:dateline:media:', '');
      const [onSite] = await wpRequest<{ source_url: string }[]>(wp, 'GET', '/wp/v2/media', { query: { slug: `dateline-${mediaId.slice(0, 24)}` } });
      expect(onSite?.source_url).toBe(web!.href);
      const response = await fetch(web!.href!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\//);
    }
    // The item alone, which carries no files, names the site's address, and its page shows the photo from there.
    const alone = JSON.parse(Buffer.from((await handlers['stories.export']({ id: story.id, format: 'ninjs' })).dataBase64, 'base64').toString('utf8')) as { associations: Association[]; bodies: { value: string }[] };
    const webHrefs = item.associations.map((a) => a.renditions.find((r) => r.name === 'web')!.href!);
    expect(alone.associations.map((a) => a.renditions.find((r) => r.name === 'web')?.href)).toEqual(webHrefs);
    for (const href of webHrefs.slice(1)) expect(alone.bodies[0]!.value).toContain(`<img src="${href}"`);
  });
});
