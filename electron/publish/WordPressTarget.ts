import { readFile } from 'node:fs/promises';
import { paperPageLayout } from '../../shared/export/paperPageLayout';
import { wordpressContent, wordpressExcerpt, wordpressPhotos, wordpressStatusFor } from '../../shared/publish/wordpressPostFields';
import { newsroomTimeZone } from '../../shared/text/formatDateTime';
import type { Story } from '../../shared/story/storySchema';
import type { MediaLibrary } from '../media/MediaLibrary';
import { DeliveryFailure } from './DeliveryFailure';
import { deliverySlug } from './deliverySlug';
import type { PublishTargetDriver } from './PublishTargetDriver';
import type { RemoteState } from './remoteState';
import { WordPressClient, type WordPressAccount, type WordPressPost } from './WordPressClient';

/**
 * The paper's WordPress site. A delivery uploads each photo once (looked up by a slug made from its Dateline
 * id before any upload, so an upload cut off after WordPress stored it is found, not repeated), sets its
 * caption and alt text, finds or creates the category and tags, then creates the post or updates the one it
 * made before, and reads it back to check the status and time WordPress kept.
 */
export class WordPressTarget implements PublishTargetDriver {
  private readonly client: WordPressClient;

  constructor(
    account: WordPressAccount,
    private readonly media: MediaLibrary,
  ) {
    this.client = new WordPressClient(account);
  }

  async test(): Promise<string> {
    const me = await this.client.me();
    if (me.capabilities && !me.capabilities.publish_posts) throw new DeliveryFailure('auth', `${me.name} may not publish posts on this site`);
    return me.name;
  }

  async deliver(story: Story, state: RemoteState, save: (state: RemoteState) => Promise<void>): Promise<RemoteState> {
    const wanted = wordpressStatusFor(story);
    let next: RemoteState = { ...state, media: { ...state.media } };
    const postId = next.postId ?? (next.slug ? ((await this.client.findPostBySlug(next.slug))?.id ?? null) : null);
    if (wanted.status === 'draft') {
      // Withdrawn before it ever reached the site: there is nothing to take back.
      if (postId === null) return next;
      return this.recordPost(next, await this.client.savePost(postId, { status: 'draft' }), save);
    }

    // The page decides which photos show and with which words; WordPress prints its own time line.
    const page = paperPageLayout(story, { timeZone: story.publishAt?.timeZone ?? newsroomTimeZone, now: new Date().toISOString() });
    for (const use of wordpressPhotos(page, story.featuredImage)) {
      const remote: RemoteState['media'][string] = next.media[use.mediaId] ?? (await this.uploadPhoto(use.mediaId));
      // A published story is delivered again after every pause in the typing: only changed words are sent.
      if (remote.caption === use.caption && remote.alt === use.alt) continue;
      await this.client.updateMedia(remote.id, { caption: use.caption, alt_text: use.alt });
      next.media[use.mediaId] = { ...remote, caption: use.caption, alt: use.alt };
      await save(next);
    }
    const categories = story.category.trim() ? [await this.client.termId('categories', story.category)] : [];
    const tags: number[] = [];
    for (const tag of story.tags) if (tag.trim()) tags.push(await this.client.termId('tags', tag));

    const fields: Record<string, unknown> = {
      title: story.headline,
      content: wordpressContent(page, (mediaId) => next.media[mediaId]?.url ?? null),
      excerpt: wordpressExcerpt(page),
      status: wanted.status,
      categories,
      tags,
      featured_media: story.featuredImage ? (next.media[story.featuredImage.mediaId]?.id ?? 0) : 0,
    };
    // A post the site has already published keeps the time it went out by the site's own clock.
    if (wanted.dateGmt && !(wanted.status === 'publish' && next.status === 'publish')) fields.date_gmt = wanted.dateGmt;
    if (postId === null) {
      // Written down before the post exists: a retry after a create whose answer was lost finds it by this slug.
      next = { ...next, slug: next.slug ?? deliverySlug(story) };
      await save(next);
    }
    const post = await this.client.savePost(postId, postId === null ? { ...fields, slug: next.slug } : fields);
    next = await this.recordPost(next, post, save);
    // Read back as a reader's request would find it, not taken from the save's own answer: what the site kept.
    const check = await this.client.getPost(post.id);
    next = await this.recordPost(next, check, save);
    if (check.status !== wanted.status && !(wanted.status === 'future' && check.status === 'publish')) {
      throw new DeliveryFailure('rejected', `WordPress keeps the post as "${check.status}", not "${wanted.status}"`);
    }
    if (wanted.status === 'future' && wanted.dateGmt && check.date_gmt !== wanted.dateGmt) {
      throw new DeliveryFailure('rejected', `WordPress scheduled the post for ${check.date_gmt} UTC, not ${wanted.dateGmt} UTC`);
    }
    return next;
  }

  async readBack(state: RemoteState): Promise<RemoteState> {
    if (state.postId === undefined) return state;
    const post = await this.client.getPost(state.postId);
    return { ...state, status: post.status, dateGmt: post.date_gmt, url: post.link };
  }

  async publishNow(state: RemoteState): Promise<RemoteState> {
    if (state.postId === undefined) throw new DeliveryFailure('rejected', 'the story has no post on the site yet');
    const post = await this.client.savePost(state.postId, { status: 'publish' });
    return { ...state, status: post.status, dateGmt: post.date_gmt, url: post.link };
  }

  private async recordPost(state: RemoteState, post: WordPressPost, save: (state: RemoteState) => Promise<void>): Promise<RemoteState> {
    const next = { ...state, postId: post.id, slug: post.slug || state.slug, url: post.link, status: post.status, dateGmt: post.date_gmt };
    await save(next);
    return next;
  }

  private async uploadPhoto(mediaId: string): Promise<{ id: number; url: string }> {
    // The photo's name on the site comes from its Dateline id, so the same photo is found before it is sent twice.
    const slug = `dateline-${mediaId.slice(0, 24)}`;
    const existing = await this.client.findMediaBySlug(slug);
    if (existing) return { id: existing.id, url: existing.source_url };
    const file = this.media.filePath(mediaId, 'display') ?? null;
    if (!file) throw new DeliveryFailure('missing_media', `photo ${mediaId.slice(0, 12)}… is not in the media library`);
    const bytes = await readFile(file.path).catch((error: NodeJS.ErrnoException) => {
      throw new DeliveryFailure('missing_media', `photo ${mediaId.slice(0, 12)}… could not be read (${error.code ?? error.message})`);
    });
    const uploaded = await this.client.uploadMedia(bytes, `${slug}.jpg`, file.mimeType);
    return { id: uploaded.id, url: uploaded.source_url };
  }
}
