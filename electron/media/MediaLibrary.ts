import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Low } from 'lowdb';
import sharp, { type Metadata } from 'sharp';
import { z } from 'zod';
import { DatelineError } from '../../shared/api/DatelineError';
import { mediaItemSchema, type MediaItem, type MediaVariant } from '../../shared/media/mediaSchema';
import { foldVietnamese } from '../../shared/text/foldVietnamese';
import type { Logger } from '../log/Logger';
import { AtomicJsonFile } from '../store/AtomicJsonFile';
import { isNotFound, realFileSystem, type FileSystem } from '../store/fileSystem';
import { CoalescingWriter } from '../store/CoalescingWriter';
import { KeyedLock } from '../store/KeyedLock';
import { writeFileAtomically } from '../store/writeFileAtomically';
import { captionFromPhotoMetadata, type PhotoFacts } from './captionFromPhotoMetadata';
import { makeDerivatives } from './makeDerivatives';
import { readPhotoMetadata } from './readPhotoMetadata';

/** The formats a newsroom's cameras and phones produce that every target (browser, WordPress, DOCX) can show. */
const acceptedFormats: Record<string, { ext: string; mimeType: string }> = {
  jpeg: { ext: 'jpg', mimeType: 'image/jpeg' },
  png: { ext: 'png', mimeType: 'image/png' },
  webp: { ext: 'webp', mimeType: 'image/webp' },
  gif: { ext: 'gif', mimeType: 'image/gif' },
  tiff: { ext: 'tif', mimeType: 'image/tiff' },
};

/** The formats whose IPTC, XMP and EXIF exifr reads; a WebP or GIF simply has no caption to offer. */
const metadataFormats = new Set(['jpeg', 'tiff', 'png']);
const noFacts: PhotoFacts = { caption: null, byline: null, credit: null, city: null, capturedAt: null };

/** Above this a photo takes hundreds of megabytes to decode; no news page needs more than a 50 MP frame. */
export const maxMegapixels = 50;

const indexSchema = z.object({ schemaVersion: z.literal(1), items: z.array(mediaItemSchema) });
type MediaIndex = z.infer<typeof indexSchema>;

export interface MediaLibraryOptions {
  dataDir: string;
  log: Logger;
  fs?: FileSystem;
  now?: () => Date;
}

/**
 * The photos of the library, in `media/`: each original as `<sha256>.<ext>`, its display size and thumbnail in
 * `media/derived/`, and `media/index.json` with what was read from each photo. The only writer of those files.
 */
export class MediaLibrary {
  private readonly fs: FileSystem;
  private readonly now: () => Date;
  private readonly folder: string;
  private readonly db: Low<MediaIndex>;
  private readonly byId = new Map<string, MediaItem>();
  private readonly locks = new KeyedLock();
  private readonly indexWriter = new CoalescingWriter(() => {
    this.db.data = { schemaVersion: 1, items: [...this.byId.values()] };
    return this.db.write();
  });

  private constructor(private readonly options: MediaLibraryOptions) {
    this.fs = options.fs ?? realFileSystem;
    this.now = options.now ?? (() => new Date());
    this.folder = join(options.dataDir, 'media');
    this.db = new Low(new AtomicJsonFile<MediaIndex>(join(this.folder, 'index.json'), this.fs), { schemaVersion: 1, items: [] });
  }

  static async open(options: MediaLibraryOptions): Promise<MediaLibrary> {
    const library = new MediaLibrary(options);
    await library.load();
    return library;
  }

  get(id: string): MediaItem | undefined {
    return this.byId.get(id);
  }

  /** Newest first; a query matches the folded caption, photographer, credit, city or file name. */
  list({ query, limit = 200 }: { query?: string; limit?: number } = {}): MediaItem[] {
    const words = query ? foldVietnamese(query).split(/\s+/).filter(Boolean) : [];
    return [...this.byId.values()]
      .filter((item) => {
        if (!words.length) return true;
        const haystack = foldVietnamese([item.caption, item.byline, item.credit, item.city, item.fileName].filter(Boolean).join(' '));
        return words.every((word) => haystack.includes(word));
      })
      .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
      .slice(0, limit);
  }

  /** The file behind a variant, or null when the photo is unknown. The id is checked, so no path can be smuggled in. */
  filePath(id: string, variant: MediaVariant): { path: string; mimeType: string } | null {
    const item = this.byId.get(id);
    if (!item) return null;
    if (variant === 'original') return { path: join(this.folder, `${id}.${extOf(item)}`), mimeType: item.mimeType };
    return { path: join(this.folder, 'derived', `${id}-${variant}.jpg`), mimeType: 'image/jpeg' };
  }

  /**
   * Stores a photo and its derived sizes, and reads its caption, photographer, credit, place and time. A file
   * that is not a usable photo fails with `invalid_media` naming it, and leaves nothing behind in `media/`.
   */
  async import(fileName: string, bytes: Buffer): Promise<MediaItem> {
    const id = createHash('sha256').update(bytes).digest('hex');
    return this.locks.run(id, async () => {
      const known = this.byId.get(id);
      if (known && (await this.hasFiles(known))) return known;
      if (bytes.length === 0) throw invalid(fileName, 'the file is empty', 'tệp rỗng');

      let info: Metadata;
      try {
        info = await sharp(bytes).metadata();
      } catch {
        throw invalid(fileName, 'it is not a photo (the contents are not an image)', 'không phải là ảnh');
      }
      const format = info.format ? acceptedFormats[info.format] : undefined;
      if (!format) throw invalid(fileName, `the ${info.format ?? 'unknown'} format is not supported; use JPEG, PNG, WebP, GIF or TIFF`, 'định dạng không được hỗ trợ');
      const width = info.autoOrient?.width ?? info.width;
      const height = info.autoOrient?.height ?? info.height;
      if (!width || !height) throw invalid(fileName, 'it has no size', 'không đọc được kích thước');
      const megapixels = (width * height) / 1e6;
      if (megapixels > maxMegapixels) {
        throw invalid(fileName, `it is ${Math.round(megapixels)} megapixels; the limit is ${maxMegapixels}`, `ảnh quá lớn (${Math.round(megapixels)} MP)`);
      }

      // Decoding (in libvips's threads) and reading the metadata overlap.
      const [derived, facts] = await Promise.all([
        makeDerivatives(bytes, maxMegapixels * 1e6).catch((error: Error) => {
          throw invalid(fileName, `it is damaged or cut short (${error.message})`, 'ảnh bị hỏng hoặc không đầy đủ');
        }),
        metadataFormats.has(info.format!) ? this.readFacts(fileName, bytes) : noFacts,
      ]);

      const item: MediaItem = mediaItemSchema.parse({
        id,
        fileName: fileName.normalize('NFC'),
        mimeType: format.mimeType,
        width,
        height,
        bytes: bytes.length,
        ...facts,
        importedAt: this.now().toISOString(),
      });
      const written: string[] = [];
      try {
        await this.fs.mkdir(join(this.folder, 'derived'), { recursive: true });
        const files: [string, Buffer][] = [
          [join(this.folder, `${id}.${format.ext}`), bytes],
          [join(this.folder, 'derived', `${id}-display.jpg`), derived.display],
          [join(this.folder, 'derived', `${id}-thumb.jpg`), derived.thumb],
        ];
        // The three writes overlap; each is still atomic, and the index names the photo only once all are down.
        const outcomes = await Promise.allSettled(files.map(([path, data]) => writeFileAtomically(this.fs, path, data).then(() => path)));
        for (const outcome of outcomes) if (outcome.status === 'fulfilled') written.push(outcome.value);
        const failed = outcomes.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
        this.byId.set(id, item);
        await this.saveIndex();
      } catch (error) {
        this.byId.delete(id);
        await Promise.all(written.map((path) => this.fs.rm(path, { force: true }).catch(() => undefined)));
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
        throw new DatelineError('storage_failed', `could not store ${fileName}: ${(error as Error).message}`, { errno: code, fileName });
      }
      this.options.log.info(`imported ${fileName} as ${id}`);
      return item;
    });
  }

  /** Moves a photo's files aside into `media/.trash/`, never deleting them outright. */
  async remove(id: string): Promise<void> {
    const item = this.byId.get(id);
    if (!item) throw new DatelineError('not_found', `no photo with id ${id}`);
    const trash = join(this.folder, '.trash');
    await this.fs.mkdir(trash, { recursive: true });
    for (const variant of ['original', 'display', 'thumb'] as const) {
      const file = this.filePath(id, variant)!;
      await this.fs.rename(file.path, join(trash, file.path.split(/[\\/]/).pop()!)).catch((error) => {
        if (!isNotFound(error)) throw error;
      });
    }
    this.byId.delete(id);
    await this.saveIndex();
  }

  private async readFacts(fileName: string, bytes: Buffer): Promise<PhotoFacts> {
    try {
      return captionFromPhotoMetadata(await readPhotoMetadata(bytes));
    } catch (error) {
      // A photo whose metadata cannot be read is still a photo; the reporter writes the caption.
      this.options.log.warn(`could not read the metadata of ${fileName}`, error);
      return noFacts;
    }
  }

  private async hasFiles(item: MediaItem): Promise<boolean> {
    try {
      await this.fs.stat(this.filePath(item.id, 'original')!.path);
      await this.fs.stat(this.filePath(item.id, 'display')!.path);
      return true;
    } catch {
      return false;
    }
  }

  private async load(): Promise<void> {
    await this.fs.mkdir(this.folder, { recursive: true });
    try {
      const raw = await this.db.adapter.read();
      const parsed = indexSchema.safeParse(raw ?? { schemaVersion: 1, items: [] });
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid');
      for (const item of parsed.data.items) this.byId.set(item.id, item);
    } catch (error) {
      // The photos themselves are intact; only what was read from them is lost, and re-importing restores it.
      this.options.log.error('the media index could not be read; the photo library starts empty', error);
    }
  }

  /** Concurrent imports share index writes, and each write holds every photo imported before it began. */
  private saveIndex(): Promise<void> {
    return this.indexWriter.request();
  }
}

function extOf(item: MediaItem): string {
  return Object.values(acceptedFormats).find((format) => format.mimeType === item.mimeType)?.ext ?? 'jpg';
}

function invalid(fileName: string, reason: string, vietnameseReason: string): DatelineError {
  return new DatelineError('invalid_media', `${fileName}: ${reason}`, { fileName, reason: vietnameseReason });
}
