import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../api/createHandlers';
import { openTempServices } from '../../tests/support/tempServices';
import { handlerCall, publishableCaptions, publishableStory, tomorrowSixInHanoi } from '../../tests/support/publishableStory';
import { backdateScheduledPost, publishAsCronWould, readWordPress, wpRequest, type WordPressEditPost, type WordPressInfo } from '../../tests/support/wordpressServer';

// Against the real WordPress that tests/wordpress/startWordPress.sh starts on 127.0.0.1 (`.ci/run` calls it).
const wordpress = readWordPress();
const unavailable = 'unavailable' in wordpress ? wordpress.unavailable : null;
if (unavailable) console.warn(`[skip] WordPress delivery tests: ${unavailable}`);

describe.skipIf(unavailable !== null)('WordPress delivery through the outbox', () => {
  const wp = wordpress as WordPressInfo;

  /**
   * The app on a temp library delivering to the test site (with `password`, the right one by default), its clock
   * `ahead` of the real one by what the test sets, to reach a publish time WordPress's own clock has not.
   */
  async function openApp({ password = wp.appPassword } = {}) {
    const clock = { ahead: 0 };
    const temp = await openTempServices({
      now: () => new Date(Date.now() + clock.ahead),
      env: { DATELINE_WP_URL: wp.url, DATELINE_WP_USER: wp.user, DATELINE_WP_APP_PASSWORD: password },
    });
    const handlers = createHandlers(temp.services);
    /** A story ready to go, scheduled for 06:00 tomorrow in Hà Nội. */
    const scheduleStory = async (headline: string) => {
      const story = await publishableStory(handlerCall(handlers), temp.dir, `${headline} ${Date.now()}`);
      const { publishAt, dateGmt } = tomorrowSixInHanoi();
      await handlers['stories.transition']({ id: story.id, to: 'scheduled', publishAt });
      return { story, publishAt, dateGmt };
    };
    return { temp, handlers, clock, scheduleStory };
  }

  let app: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => (app = await openApp()));
  afterAll(() => app?.temp.close());

  const post = (id: number) => wpRequest<WordPressEditPost>(wp, 'GET', `/wp/v2/posts/${id}`, { query: { context: 'edit' } });

  it('schedules the post for 06:00 Hà Nội with both captions, the featured photo and the category and tags', async () => {
    const { handlers } = app;
    const { story, dateGmt } = await app.scheduleStory('Thông xe đường ven biển');
    const { items } = await handlers['outbox.flush']({});
    const job = items.find((item) => item.storyId === story.id)!;
    expect(job).toMatchObject({ target: 'wordpress', state: 'delivered', error: null, remote: { postId: expect.any(Number) } });

    const remote = await post(job.remote!.postId!);
    expect(remote.status).toBe('future');
    expect(remote.date_gmt).toBe(dateGmt);
    expect(remote.date_gmt.slice(11)).toBe('23:00:00');
    expect(remote.title.raw).toBe(story.headline);
    expect(remote.excerpt.raw).toBe(story.sapo);
    const figcaptions = remote.content.raw.match(/<figcaption>[\s\S]*?<\/figcaption>/g) ?? [];
    expect(figcaptions).toHaveLength(2);
    publishableCaptions.forEach((caption, i) => expect(figcaptions[i]).toContain(caption));

    expect(remote.featured_media).toBeGreaterThan(0);
    const featured = await wpRequest<{ caption: { raw: string }; alt_text: string }>(wp, 'GET', `/wp/v2/media/${remote.featured_media}`, { query: { context: 'edit' } });
    expect(featured.caption.raw).toBe('Lễ thông xe đường ven biển.');
    expect(featured.alt_text).toBe('Cắt băng thông xe tuyến đường ven biển');

    const categories = await wpRequest<{ id: number; name: string }[]>(wp, 'GET', '/wp/v2/categories', { query: { include: remote.categories.join(',') } });
    expect(categories.map((c) => c.name)).toEqual(['Thời sự']);
    const tags = await wpRequest<{ name: string }[]>(wp, 'GET', '/wp/v2/tags', { query: { include: remote.tags.join(',') } });
    expect(tags.map((t) => t.name).sort()).toEqual(['giao thông', 'Quảng Ninh'].sort());
  });

  it('updates the same post and photos when the story changes, never making a second one', async () => {
    const { handlers } = app;
    const { story } = await app.scheduleStory('Khánh thành cầu');
    const first = (await handlers['outbox.flush']({})).items.find((item) => item.storyId === story.id)!;
    const mediaBefore = await wpRequest<unknown[]>(wp, 'GET', '/wp/v2/media', { query: { per_page: 100 } });
    const current = await handlers['stories.get']({ id: story.id });
    const featuredImage = { ...current.featuredImage!, caption: 'Lễ thông xe, ảnh chụp từ flycam.' };
    await handlers['stories.update']({ id: story.id, baseRevision: current.revision, changes: { headline: `${current.headline} (cập nhật)`, featuredImage } });
    await handlers['outbox.push']({ storyId: story.id });
    const second = (await handlers['outbox.flush']({})).items.find((item) => item.storyId === story.id)!;
    expect(second.state).toBe('delivered');
    expect(second.remote!.postId).toBe(first.remote!.postId);
    const remote = await post(second.remote!.postId!);
    expect(remote.title.raw).toBe(`${current.headline} (cập nhật)`);
    // Only a changed caption is sent again, and it arrives.
    const featured = await wpRequest<{ caption: { raw: string } }>(wp, 'GET', `/wp/v2/media/${remote.featured_media}`, { query: { context: 'edit' } });
    expect(featured.caption.raw).toBe('Lễ thông xe, ảnh chụp từ flycam.');
    const sameSlug = await wpRequest<unknown[]>(wp, 'GET', '/wp/v2/posts', { query: { slug: remote.slug, status: 'publish,future,draft,pending,private', context: 'edit' } });
    expect(sameSlug).toHaveLength(1);
    expect(await wpRequest<unknown[]>(wp, 'GET', '/wp/v2/media', { query: { per_page: 100 } })).toHaveLength(mediaBefore.length);
  });

  it('takes the post back to a draft when the story is unscheduled', async () => {
    const { handlers } = app;
    const { story } = await app.scheduleStory('Gỡ lịch đăng');
    const delivered = (await handlers['outbox.flush']({})).items.find((item) => item.storyId === story.id)!;
    await handlers['stories.transition']({ id: story.id, to: 'ready' });
    const withdrawn = (await handlers['outbox.flush']({})).items.find((item) => item.storyId === story.id)!;
    expect(withdrawn).toMatchObject({ action: 'withdraw', state: 'delivered' });
    expect((await post(delivered.remote!.postId!)).status).toBe('draft');
  });

  it('says a wrong password is wrong, and does not try it again by itself', async () => {
    const wrong = await openApp({ password: 'abcd efgh ijkl mnop qrst uvwx' });
    try {
      expect(await wrong.handlers['publishing.test']({ target: 'wordpress' })).toMatchObject({ ok: false, code: 'auth' });
      await wrong.scheduleStory('Sai mật khẩu');
      const [job] = (await wrong.handlers['outbox.flush']({})).items;
      expect(job).toMatchObject({ state: 'failed', error: { code: 'auth', willRetry: false }, nextAttemptAt: null });
    } finally {
      await wrong.temp.close();
    }
  });

  it('shows a post still scheduled five minutes after its time as a missed schedule, and publishes it on request', async () => {
    // The app's clock runs ahead to just after the publish time; WordPress's own clock, and its cron, do not.
    const ahead = await openApp();
    try {
      const { handlers, clock } = ahead;
      const { story, publishAt } = await ahead.scheduleStory('Lỡ giờ đăng');
      const [delivered] = (await handlers['outbox.flush']({})).items;
      expect(delivered).toMatchObject({ state: 'delivered', missedSchedule: false });

      clock.ahead = Date.parse(publishAt) + 4 * 60_000 - Date.now();
      expect((await handlers['outbox.flush']({})).items[0]!.missedSchedule).toBe(false);
      clock.ahead = Date.parse(publishAt) + 7 * 60_000 - Date.now();
      const [missed] = (await handlers['outbox.flush']({})).items;
      expect(missed).toMatchObject({ missedSchedule: true, remote: { status: 'future' } });

      // Where WordPress's clock agrees the time has passed (as on a real site whose cron did not run).
      backdateScheduledPost(wp, missed!.remote!.postId!, new Date(Date.now() - 10 * 60_000));
      const [published] = (await handlers['outbox.publishNow']({ jobId: missed!.jobId })).items;
      expect(published).toMatchObject({ missedSchedule: false, remote: { status: 'publish' } });
      expect((await post(published!.remote!.postId!)).status).toBe('publish');
      expect((await handlers['stories.get']({ id: story.id })).status).toBe('published');
    } finally {
      await ahead.temp.close();
    }
  });

  it('marks the story published once the site has published it at its time', async () => {
    const ahead = await openApp();
    try {
      const { handlers, clock } = ahead;
      const { story, publishAt } = await ahead.scheduleStory('Đăng đúng giờ');
      const [delivered] = (await handlers['outbox.flush']({})).items;
      // The time comes on the site too (its clock cannot be moved, so the post's time is), and its cron runs.
      backdateScheduledPost(wp, delivered!.remote!.postId!, new Date(Date.now() - 90_000));
      publishAsCronWould(wp, delivered!.remote!.postId!);
      clock.ahead = Date.parse(publishAt) + 90_000 - Date.now();
      const [checked] = (await handlers['outbox.flush']({})).items;
      expect(checked).toMatchObject({ missedSchedule: false, remote: { status: 'publish' } });
      const after = await handlers['stories.get']({ id: story.id });
      expect(after.status).toBe('published');
      expect(after.publishAt?.at).toBe(new Date(publishAt).toISOString());
      expect(after.statusHistory?.at(-1)?.status).toBe('published');
    } finally {
      await ahead.temp.close();
    }
  });

  it('passes the connection test with the right password', async () => {
    expect(await app.handlers['publishing.test']({ target: 'wordpress' })).toMatchObject({ ok: true, message: expect.any(String) });
  });
});
