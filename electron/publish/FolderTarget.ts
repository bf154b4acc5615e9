import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { paperPageLayout } from '../../shared/export/paperPageLayout';
import { storyToHtmlPage } from '../../shared/export/storyToHtmlPage';
import { mediaIdsOf, type Story } from '../../shared/story/storySchema';
import { goesToReaders } from '../../shared/workflow/storyTransitions';
import type { MediaLibrary } from '../media/MediaLibrary';
import { realFileSystem } from '../store/fileSystem';
import { writeFileAtomically } from '../store/writeFileAtomically';
import { DeliveryFailure } from './DeliveryFailure';
import { deliverySlug } from './deliverySlug';
import type { PublishTargetDriver } from './PublishTargetDriver';
import type { RemoteState } from './remoteState';

const probeName = '.dateline-probe';

/**
 * A folder the desk picks up from: a synced drive, a USB stick. Each story is a sub-folder of its own,
 * `<slug>-<id>/`, holding `index.html` (the paper's page, no script) and `images/`, so whoever opens it needs
 * nothing else. The folder name is kept, so later deliveries overwrite the same one; a withdrawn story's folder
 * is removed, since a folder someone copies from must not keep a killed story.
 */
export class FolderTarget implements PublishTargetDriver {
  constructor(
    private readonly root: string,
    private readonly media: MediaLibrary,
    private readonly timeZone: () => string,
  ) {}

  async test(): Promise<string> {
    await this.requireRoot();
    await writeFileAtomically(realFileSystem, join(this.root, probeName), 'Dateline\n', { durable: false }).catch((error: unknown) => {
      throw DeliveryFailure.from(error);
    });
    await rm(join(this.root, probeName), { force: true });
    return this.root;
  }

  async deliver(story: Story, state: RemoteState, save: (state: RemoteState) => Promise<void>): Promise<RemoteState> {
    await this.requireRoot();
    const name = state.slug ?? deliverySlug(story);
    const folder = join(this.root, name);
    try {
      if (!goesToReaders(story)) {
        await rm(folder, { recursive: true, force: true });
        return { media: {}, slug: name, status: 'withdrawn' };
      }
      await save({ ...state, slug: name });
      await mkdir(join(folder, 'images'), { recursive: true });
      const photos = new Map<string, string>();
      for (const mediaId of mediaIdsOf(story)) {
        const file = this.media.filePath(mediaId, 'display');
        if (!file) throw new DeliveryFailure('missing_media', `photo ${mediaId.slice(0, 12)}… is not in the media library`);
        const fileName = `${mediaId.slice(0, 16)}.jpg`;
        await copyFile(file.path, join(folder, 'images', fileName)).catch((error: NodeJS.ErrnoException) => {
          throw error.code === 'ENOENT' ? new DeliveryFailure('missing_media', `photo ${mediaId.slice(0, 12)}… could not be read`) : error;
        });
        photos.set(mediaId, `images/${fileName}`);
      }
      // The page last: whoever watches the folder sees a story only once its photos are there.
      const page = storyToHtmlPage(paperPageLayout(story, { timeZone: this.timeZone(), now: new Date().toISOString() }), photos);
      await writeFileAtomically(realFileSystem, join(folder, 'index.html'), page);
      return { media: {}, slug: name, url: pathToFileURL(join(folder, 'index.html')).href, status: story.status, dateGmt: story.publishAt?.at };
    } catch (error) {
      throw DeliveryFailure.from(error);
    }
  }

  private async requireRoot(): Promise<void> {
    const info = await stat(this.root).catch(() => null);
    // A USB drive not plugged in: wait for it rather than create an empty folder where its mount point was.
    if (!info?.isDirectory()) throw new DeliveryFailure('offline', `the folder ${this.root} is not there (a drive not plugged in?)`);
  }
}
