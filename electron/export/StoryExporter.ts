import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';
import { ZipFile } from 'yazl';
import type { ExportFormat } from '../../shared/export/exportFormats';
import { paperPageLayout, type PaperPage } from '../../shared/export/paperPageLayout';
import { storyToHtmlPage } from '../../shared/export/storyToHtmlPage';
import { storyToNinjs, type NinjsPhoto } from '../../shared/export/storyToNinjs';
import { mediaIdsOf, type Story } from '../../shared/story/storySchema';
import { slugify } from '../../shared/text/slugify';
import type { Logger } from '../log/Logger';
import type { MediaLibrary } from '../media/MediaLibrary';
import type { StoryStore } from '../store/StoryStore';
import { storyToDocx, type DocxPhoto } from './storyToDocx';


export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export interface StoryExporterOptions {
  stories: Pick<StoryStore, 'get'>;
  media: Pick<MediaLibrary, 'get' | 'filePath'>;
  timeZone: () => string;
  /** Where each of a story's photos is on the paper's site, once delivered (the outbox knows); a ninjs rendition names it. */
  sitePhotoUrls?: (storyId: string) => ReadonlyMap<string, string>;
  /** The clock a draft's time line reads; the real one unless a test sets it. */
  now?: () => Date;
  log: Logger;
}

const formats: Record<ExportFormat, { ext: string; mimeType: string }> = {
  ninjs: { ext: 'json', mimeType: 'application/json' },
  ninjsBundle: { ext: 'ninjs.zip', mimeType: 'application/zip' },
  html: { ext: 'html', mimeType: 'text/html; charset=utf-8' },
  docx: { ext: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

/** Where a bundle keeps its photos; a rendition's `href` names its file relative to the bundle. */
const bundleMediaFolder = 'media';

/**
 * Writes a story out as a file: lays out the paper's page once (paperPageLayout), reads its photos and hands
 * both to the format's writer, so every format shows the same page. Word and HTML take the display size, which
 * prints sharp at a column's width and keeps the file small; ninjs goes out alone (its renditions name a
 * photo's place on the site once delivered) or as a zip bundle, the item beside the original photos its
 * renditions name. A photo whose file is missing is left out, with its caption kept,
 * rather than failing the export.
 */
export class StoryExporter {
  constructor(private readonly options: StoryExporterOptions) {}

  async export(id: string, format: ExportFormat): Promise<ExportedFile> {
    const story = await this.options.stories.get(id);
    const { ext, mimeType } = formats[format];
    const fileName = `${baseName(story)}.${ext}`;
    return { fileName, mimeType, bytes: await this.write(story, format) };
  }

  private async write(story: Story, format: ExportFormat): Promise<Buffer> {
    const page = paperPageLayout(story, { timeZone: this.options.timeZone(), now: (this.options.now?.() ?? new Date()).toISOString() });
    switch (format) {
      case 'ninjs':
        return ninjsJson(storyToNinjs(story, page, this.photosOnSite(story)));
      case 'ninjsBundle':
        return this.ninjsBundle(story, page);
      case 'html': {
        const photos = await this.displayPhotos(story);
        const uris = new Map([...photos].map(([id, photo]) => [id, `data:image/jpeg;base64,${photo.jpeg.toString('base64')}`]));
        return Buffer.from(storyToHtmlPage(page, uris), 'utf8');
      }
      case 'docx':
        return storyToDocx(page, await this.displayPhotos(story));
    }
  }

  /** The ninjs item as `<name>.json`, and each photo on the page as `media/<id>.<ext>`, the file its rendition's href names. */
  private async ninjsBundle(story: Story, page: PaperPage): Promise<Buffer> {
    const photos = new Map<string, NinjsPhoto>();
    const files: { name: string; bytes: Buffer }[] = [];
    const onSite = this.options.sitePhotoUrls?.(story.id) ?? new Map<string, string>();
    for (const id of new Set(page.photos.map((photo) => photo.mediaId).filter((mediaId): mediaId is string => mediaId !== null))) {
      const item = this.options.media.get(id);
      const file = this.options.media.filePath(id, 'original');
      if (!item || !file) continue;
      try {
        const name = `${bundleMediaFolder}/${basename(file.path)}`;
        files.push({ name, bytes: await readFile(file.path) });
        photos.set(id, { ...item, href: name, siteHref: onSite.get(id) });
      } catch (error) {
        this.options.log.warn(`export of ${story.id}: photo ${id} was left out of the ninjs bundle: ${(error as Error).message}`);
        photos.set(id, { ...item, siteHref: onSite.get(id) });
      }
    }
    return zipBuffer([{ name: `${baseName(story)}.json`, bytes: ninjsJson(storyToNinjs(story, page, photos)) }, ...files]);
  }

  /** A lone item carries no files, so a rendition's only href is the photo's place on the site, once delivered. */
  private photosOnSite(story: Story): Map<string, NinjsPhoto> {
    const onSite = this.options.sitePhotoUrls?.(story.id) ?? new Map<string, string>();
    const photos = new Map<string, NinjsPhoto>();
    for (const id of mediaIdsOf(story)) {
      const item = this.options.media.get(id);
      if (item) photos.set(id, { ...item, siteHref: onSite.get(id) });
    }
    return photos;
  }

  private async displayPhotos(story: Story): Promise<Map<string, DocxPhoto>> {
    const photos = new Map<string, DocxPhoto>();
    for (const id of mediaIdsOf(story)) {
      const file = this.options.media.filePath(id, 'display');
      if (!file) continue;
      try {
        const jpeg = await readFile(file.path);
        const { width, height } = await sharp(jpeg).metadata();
        if (width && height) photos.set(id, { jpeg, width, height });
      } catch (error) {
        this.options.log.warn(`export of ${story.id}: photo ${id} was left out: ${(error as Error).message}`);
      }
    }
    return photos;
  }
}

function baseName(story: Story): string {
  return slugify(story.headline) || `dateline-${story.id.slice(0, 8)}`;
}

/** A zip of the given files, in order; photos are stored as they are, since deflating a JPEG saves nothing. */
const ninjsJson = (item: unknown) => Buffer.from(JSON.stringify(item, null, 2), 'utf8');

function zipBuffer(files: { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const file of files) zip.addBuffer(file.bytes, file.name, { compress: !file.name.startsWith(`${bundleMediaFolder}/`) });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
