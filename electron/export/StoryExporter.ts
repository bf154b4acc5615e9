import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { ExportFormat } from '../../shared/export/exportFormats';
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
  log: Logger;
}

const formats: Record<ExportFormat, { ext: string; mimeType: string }> = {
  ninjs: { ext: 'json', mimeType: 'application/json' },
  html: { ext: 'html', mimeType: 'text/html; charset=utf-8' },
  docx: { ext: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

/**
 * Writes a story out as a file: reads the story and its photos (the display size, which prints sharp at a
 * column's width and keeps the file small) and hands them to the format's pure writer. A photo whose file is
 * missing is left out, with its caption kept, rather than failing the export.
 */
export class StoryExporter {
  constructor(private readonly options: StoryExporterOptions) {}

  async export(id: string, format: ExportFormat): Promise<ExportedFile> {
    const story = await this.options.stories.get(id);
    const { ext, mimeType } = formats[format];
    const fileName = `${slugify(story.headline) || `dateline-${story.id.slice(0, 8)}`}.${ext}`;
    return { fileName, mimeType, bytes: await this.write(story, format) };
  }

  private async write(story: Story, format: ExportFormat): Promise<Buffer> {
    switch (format) {
      case 'ninjs': {
        const photos = new Map<string, NinjsPhoto>();
        for (const id of mediaIdsOf(story)) {
          const item = this.options.media.get(id);
          if (item) photos.set(id, item);
        }
        return Buffer.from(JSON.stringify(storyToNinjs(story, photos), null, 2), 'utf8');
      }
      case 'html': {
        const photos = await this.displayPhotos(story);
        const uris = new Map([...photos].map(([id, photo]) => [id, `data:image/jpeg;base64,${photo.jpeg.toString('base64')}`]));
        return Buffer.from(storyToHtmlPage(story, { timeZone: this.options.timeZone(), photoDataUris: uris }), 'utf8');
      }
      case 'docx':
        return storyToDocx(story, await this.displayPhotos(story));
    }
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
