import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { Low } from 'lowdb';
import sharp, { type Metadata } from 'sharp';
import { z } from 'zod';
import { DatelineError } from '../../shared/api/DatelineError';
import { mediaItemSchema, type MediaItem, type MediaListItem, type MediaVariant } from '../../shared/media/mediaSchema';
import { foldVietnamese } from '../../shared/text/foldVietnamese';
import { Quarantine } from '../library/Quarantine';
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
const noFacts: PhotoFacts = { caption: null, byline: null, credit: null, city: null, province: null, country: null, capturedAt: null };

/** Above this a photo takes hundreds of megabytes to decode; no news page needs more than a 50 MP frame. */
export const maxMegapixels = 50;

const fileStampSchema = z.object({ size: z.number(), mtimeMs: z.number() });
type FileStamp = z.infer<typeof fileStampSchema>;
/** The index's outline; each entry is checked on its own, so one bad entry does not cost the others. */
const indexOutlineSchema = z.object({
  schemaVersion: z.literal(1),
  items: z.array(z.unknown()),
  checked: z.record(z.string(), fileStampSchema).optional(),
});
type MediaIndex = { schemaVersion: 1; items: MediaItem[]; checked: Record<string, FileStamp> };
const indexFileName = 'index.json';

export interface MediaLibraryOptions {
  dataDir: string;
  log: Logger;
  /** Where a damaged index or photo file is moved aside; the data folder's own by default. */
  quarantine?: Quarantine;
  fs?: FileSystem;
  now?: () => Date;
  /** A library on a read-only disk: nothing is written, nothing made again. */
  readOnly?: boolean;
  /**
   * Which stories use each photo, by photo id (the story store's mediaUsage): listed with each photo, and a photo
   * a story uses is not removed. None by default.
   */
  usage?: () => ReadonlyMap<string, readonly string[]>;
}

/**
 * The photos of the library, in `media/`: each original as `<sha256>.<ext>`, its display size and thumbnail in
 * `media/derived/`, and `media/index.json` with what was read from each photo. The only writer of those files.
 */
export class MediaLibrary {
  private readonly fs: FileSystem;
  private readonly now: () => Date;
  private readonly folder: string;
  private readonly quarantine: Quarantine;
  private readonly db: Low<MediaIndex>;
  private readonly byId = new Map<string, MediaItem>();
  /** Each file's size and modification time when its bytes were last found whole, by its name under media/. */
  private readonly checked = new Map<string, FileStamp>();
  private readonly locks = new KeyedLock();
  private readonly indexWriter = new CoalescingWriter(() => {
    this.db.data = { schemaVersion: 1, items: [...this.byId.values()], checked: Object.fromEntries(this.checked) };
    return this.db.write();
  });

  private constructor(private readonly options: MediaLibraryOptions) {
    this.fs = options.fs ?? realFileSystem;
    this.now = options.now ?? (() => new Date());
    this.folder = join(options.dataDir, 'media');
    this.quarantine = options.quarantine ?? new Quarantine(options.dataDir, this.fs, options.log, this.now);
    this.db = new Low(new AtomicJsonFile<MediaIndex>(join(this.folder, indexFileName), this.fs), { schemaVersion: 1, items: [], checked: {} });
  }

  static async open(options: MediaLibraryOptions): Promise<MediaLibrary> {
    const library = new MediaLibrary(options);
    await library.load();
    return library;
  }

  get(id: string): MediaItem | undefined {
    return this.byId.get(id);
  }

  /** Newest first; a query matches the folded caption, photographer, credit, place or file name. With ids, those photos in that order. */
  list({ query, limit = 200, ids }: { query?: string; limit?: number; ids?: readonly string[] } = {}): MediaItem[] {
    if (ids) return [...new Set(ids)].flatMap((id) => this.byId.get(id) ?? []).slice(0, limit);
    const words = query ? foldVietnamese(query).split(/\s+/).filter(Boolean) : [];
    return [...this.byId.values()]
      .filter((item) => {
        if (!words.length) return true;
        const haystack = foldVietnamese([item.caption, item.byline, item.credit, item.city, item.province, item.country, item.fileName].filter(Boolean).join(' '));
        return words.every((word) => haystack.includes(word));
      })
      .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
      .slice(0, limit);
  }

  /** `list`, each photo with the stories that use it, as the photo library shows them. */
  listWithUsage(options: { query?: string; limit?: number; ids?: readonly string[] } = {}): MediaListItem[] {
    const usage = this.options.usage?.() ?? new Map<string, readonly string[]>();
    return this.list(options).map((item) => ({ ...item, usedIn: [...(usage.get(item.id) ?? [])] }));
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
      const { format, item, derived } = await this.readPhoto(fileName, bytes, this.now().toISOString());
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
        for (const [path] of files) this.checked.set(relative(this.folder, path).split(sep).join('/'), stampOf(await this.fs.stat(path)));
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

  /**
   * Moves a photo's files aside into `media/.trash/`, never deleting them outright, with what the index knew of
   * it beside them (`<id>.json`), so `restore` can put it back as it was. A photo a story uses is refused as
   * `in_use`, naming the stories.
   */
  async remove(id: string): Promise<void> {
    const item = this.byId.get(id);
    if (!item) throw new DatelineError('not_found', `no photo with id ${id}`);
    const users = this.options.usage?.().get(id);
    if (users?.length) throw new DatelineError('in_use', `the photo is still used by ${users.length} ${users.length === 1 ? 'story' : 'stories'}`, { usedIn: [...users] });
    const trash = join(this.folder, '.trash');
    await this.fs.mkdir(trash, { recursive: true });
    await writeFileAtomically(this.fs, join(trash, `${id}.json`), `${JSON.stringify(item)}\n`);
    for (const variant of ['original', 'display', 'thumb'] as const) {
      const file = this.filePath(id, variant)!;
      await this.fs.rename(file.path, join(trash, file.path.split(/[\\/]/).pop()!)).catch((error) => {
        if (!isNotFound(error)) throw error;
      });
    }
    this.byId.delete(id);
    await this.saveIndex();
  }

  /** Puts a removed photo back from `media/.trash/` (the undo of `remove`), as the index knew it then. */
  async restore(id: string): Promise<MediaItem> {
    return this.locks.run(id, async () => {
      const known = this.byId.get(id);
      if (known) return known;
      const trash = join(this.folder, '.trash');
      const kept = await this.fs.readFile(join(trash, `${id}.json`)).catch((error: unknown) => {
        if (isNotFound(error)) throw new DatelineError('not_found', `photo ${id} is not among the removed photos`);
        throw error;
      });
      const item = mediaItemSchema.parse(JSON.parse(kept.toString('utf8')));
      this.byId.set(id, item);
      try {
        for (const variant of ['original', 'display', 'thumb'] as const) {
          const file = this.filePath(id, variant)!;
          await this.fs.rename(join(trash, file.path.split(/[\\/]/).pop()!), file.path);
          this.checked.set(relative(this.folder, file.path).split(sep).join('/'), stampOf(await this.fs.stat(file.path)));
        }
      } catch (error) {
        // Whatever was put back stays where a later restore finds it; the photo is listed only once whole.
        this.byId.delete(id);
        throw error;
      }
      await this.fs.rm(join(trash, `${id}.json`)).catch(() => undefined);
      await this.saveIndex();
      return item;
    });
  }

  /** Checks a photo and reads everything the library keeps of it; a file that is no usable photo fails as `invalid_media`. */
  private async readPhoto(
    fileName: string,
    bytes: Buffer,
    importedAt: string,
  ): Promise<{ format: { ext: string; mimeType: string }; item: MediaItem; derived: { display: Buffer; thumb: Buffer } }> {
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
      id: createHash('sha256').update(bytes).digest('hex'),
      fileName: fileName.normalize('NFC'),
      mimeType: format.mimeType,
      width,
      height,
      bytes: bytes.length,
      ...facts,
      importedAt,
    });
    return { format, item, derived };
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
    if (!this.options.readOnly) await this.fs.mkdir(this.folder, { recursive: true });
    let damage: string | null = null;
    try {
      const raw = await this.db.adapter.read();
      if (raw !== null) {
        const outline = indexOutlineSchema.safeParse(raw);
        if (!outline.success) damage = 'it is not a media index';
        // One bad entry costs only that entry, which is read again from its photo below.
        for (const entry of outline.data?.items ?? []) {
          const item = mediaItemSchema.safeParse(entry);
          if (item.success) this.byId.set(item.data.id, item.data);
          else damage ??= `an entry is not a photo's: ${item.error.issues[0]?.message ?? 'invalid'}`;
        }
        for (const [name, stamp] of Object.entries(outline.data?.checked ?? {})) this.checked.set(name, stamp);
      }
    } catch (error) {
      damage = (error as Error).message;
    }
    const indexPath = join(this.folder, indexFileName);
    if (damage) await this.quarantine.moveAside(indexPath, `the media index was damaged (${damage}); it is rebuilt from the photos in media/`);
    const changed = await this.reconcileWithDisk();
    if ((damage || changed) && !this.options.readOnly) await this.saveIndex().catch((error) => this.options.log.error('could not write the rebuilt media index', error));
  }

  /**
   * Makes the index agree with the photos on disk. Each file's size and time as last checked are kept in the
   * index, so only a file changed since (or never checked) is read: an original whose bytes no longer match its
   * id is moved aside; a display size or thumbnail that does not decode is moved aside and made again; a photo
   * the index does not name (a lost index, a crash between the file and the index) is read again from its own
   * bytes and metadata. Returns whether the index changed.
   */
  private async reconcileWithDisk(): Promise<boolean> {
    const names = await this.namesIn(this.folder);
    let changed = false;
    for (const name of names) {
      const match = /^([a-f0-9]{64})\.([a-z]+)$/.exec(name);
      if (!match || !Object.values(acceptedFormats).some((format) => format.ext === match[2])) continue;
      const id = match[1]!;
      try {
        changed = (await this.checkOriginal(id, name)) || changed;
        const item = this.byId.get(id);
        if (item) changed = (await this.checkDerivatives(item)) || changed;
      } catch (error) {
        this.options.log.error(`media: could not check ${name}`, error);
      }
    }
    return changed;
  }

  private async checkOriginal(id: string, name: string): Promise<boolean> {
    const path = join(this.folder, name);
    const known = this.byId.get(id);
    const info = await this.fs.stat(path);
    if (known && this.unchanged(name, info)) return false;
    const bytes = info.isFile() ? await this.fs.readFile(path) : null;
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== id) {
      await this.quarantine.moveAside(path, `the photo ${known?.fileName ?? name} is damaged: its bytes no longer match the photo it was`);
      this.checked.delete(name);
      return this.byId.delete(id) || true;
    }
    this.checked.set(name, stampOf(info));
    if (known) return true;
    const { item } = await this.readPhoto(name, bytes, info.mtime.toISOString());
    this.byId.set(id, item);
    this.options.log.warn(`media: ${name} was not in the index and was read again from the photo`);
    return true;
  }

  /** The display size and thumbnail, moved aside and made again when missing, empty or not decodable. */
  private async checkDerivatives(item: MediaItem): Promise<boolean> {
    let whole = true;
    for (const variant of ['display', 'thumb'] as const) {
      const path = this.filePath(item.id, variant)!.path;
      const name = `derived/${item.id}-${variant}.jpg`;
      let info: Awaited<ReturnType<FileSystem['stat']>>;
      try {
        info = await this.fs.stat(path);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        whole = false;
        continue;
      }
      if (this.unchanged(name, info)) continue;
      if (info.isFile() && (await decodes(await this.fs.readFile(path)))) {
        this.checked.set(name, stampOf(info));
        continue;
      }
      await this.quarantine.moveAside(path, `the ${variant} size of ${item.fileName} was damaged and is made again`);
      whole = false;
    }
    if (whole || this.options.readOnly) return !whole;
    const derived = await makeDerivatives(await this.fs.readFile(this.filePath(item.id, 'original')!.path), maxMegapixels * 1e6);
    await this.writeDerivatives(item.id, derived);
    return true;
  }

  private unchanged(name: string, info: { size: number; mtimeMs: number; isFile(): boolean }): boolean {
    const stamp = this.checked.get(name);
    return info.isFile() && stamp !== undefined && stamp.size === info.size && stamp.mtimeMs === info.mtimeMs;
  }

  private async namesIn(folder: string): Promise<string[]> {
    try {
      return await this.fs.readdir(folder);
    } catch (error) {
      if (!isNotFound(error)) this.options.log.error(`could not read ${folder}`, error);
      return [];
    }
  }

  private async writeDerivatives(id: string, derived: { display: Buffer; thumb: Buffer }): Promise<void> {
    if (this.options.readOnly) return;
    await this.fs.mkdir(join(this.folder, 'derived'), { recursive: true });
    for (const [variant, bytes] of [['display', derived.display], ['thumb', derived.thumb]] as const) {
      const path = join(this.folder, 'derived', `${id}-${variant}.jpg`);
      await writeFileAtomically(this.fs, path, bytes);
      this.checked.set(`derived/${id}-${variant}.jpg`, stampOf(await this.fs.stat(path)));
    }
  }

  /** Concurrent imports share index writes, and each write holds every photo imported before it began. */
  private saveIndex(): Promise<void> {
    return this.indexWriter.request();
  }
}

function stampOf(info: { size: number; mtimeMs: number }): FileStamp {
  return { size: info.size, mtimeMs: info.mtimeMs };
}

/** Whether a JPEG decodes to the end without a warning: a cut or scrambled file does not. */
async function decodes(bytes: Buffer): Promise<boolean> {
  try {
    await sharp(bytes, { failOn: 'warning' }).stats();
    return true;
  } catch {
    return false;
  }
}

function extOf(item: MediaItem): string {
  return Object.values(acceptedFormats).find((format) => format.mimeType === item.mimeType)?.ext ?? 'jpg';
}

function invalid(fileName: string, reason: string, vietnameseReason: string): DatelineError {
  return new DatelineError('invalid_media', `${fileName}: ${reason}`, { fileName, reason: vietnameseReason });
}
