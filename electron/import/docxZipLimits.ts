import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { DatelineError } from '../../shared/api/DatelineError';
import { importRefused } from './importRefused';

/**
 * How much a Word file may hold once unpacked. mammoth inflates each part whole and builds a tree of it, about
 * 17 times the XML's size in memory (a 300 MB document.xml took the host to 5.3 GB), so the limits bound what
 * reaches mammoth, not what the zip says. A long news story's document.xml is well under 1 MB and a book's
 * 10 MB; Word stores photos at screen resolution, a few MB each.
 */
export const docxZipLimits = {
  /** A Word file has 15 to 50 parts; one with hundreds of photos a few hundred more. */
  maxEntries: 1000,
  /** XML parts (document.xml, styles, relationships) are what mammoth parses into a tree, so they get less room. */
  maxMarkupEntryBytes: 16 * 1024 * 1024,
  /** Any other part: photos, fonts, embedded objects, copied as bytes. */
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  /**
   * Word's XML compresses 5 to 20 times, a table of repeated cells perhaps 50; a bomb's run of one character
   * about 1,000. Apache POI refuses past 100 too (ZipSecureFile). Small parts are spared: a 1 MB part cannot
   * exhaust anything, and tiny files compress oddly.
   */
  maxRatio: 100,
  ratioGraceBytes: 1024 * 1024,
} as const;

type Limits = { readonly [Key in keyof typeof docxZipLimits]: number };

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

function tooBig(fileName: string, what: string): DatelineError {
  return importRefused(
    fileName,
    `it unpacks to more than a Word file may hold (${what}); it may be damaged or built to exhaust memory`,
    'tệp Word này khi giải nén ra lớn bất thường, có thể bị hỏng hoặc được làm ra để làm treo máy; hãy mở nó trong Word, lưu lại thành tệp mới rồi nhập',
  );
}

function damaged(fileName: string, why: string): DatelineError {
  return importRefused(fileName, `it is not a Word document or it is damaged (${why})`, 'tệp Word bị hỏng hoặc không phải .docx');
}

/**
 * Checks a .docx zip before mammoth reads it: the entry count, then each entry's declared sizes and ratio from
 * the central directory, then every entry inflated and counted, since a zip's declared sizes are the attacker's
 * word. Inflating is stopped at the first byte past a limit, so a bomb costs a few MB of memory and a fraction
 * of a second. Throws `invalid_input` (importRefused) naming why.
 */
export async function checkDocxZip(fileName: string, bytes: Buffer, limits: Limits = docxZipLimits): Promise<void> {
  let zip: ZipFile;
  try {
    // validateEntrySizes makes yauzl fail a stream that inflates past its declared size, at that byte.
    zip = await fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
  } catch (error) {
    throw damaged(fileName, (error as Error).message);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw tooBig(fileName, `${zip.entryCount} parts, more than ${limits.maxEntries}`);
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(damaged(fileName, error.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        countEntry(fileName, zip, entry, limits, total)
          .then((counted) => {
            total += counted;
            zip.readEntry();
          })
          .catch((error: unknown) => reject(error instanceof DatelineError ? error : damaged(fileName, `${entry.fileName}: ${(error as Error).message}`)));
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** The bytes one entry inflates to, refusing the entry as soon as its declared or counted size breaks a limit. */
async function countEntry(fileName: string, zip: ZipFile, entry: Entry, limits: Limits, totalBefore: number): Promise<number> {
  if (entry.fileName.endsWith('/')) return 0;
  const markup = /\.(xml|rels)$/i.test(entry.fileName);
  const maxEntry = markup ? limits.maxMarkupEntryBytes : limits.maxEntryBytes;
  const check = (size: number) => {
    if (size > maxEntry) throw tooBig(fileName, `${entry.fileName} unpacks to more than ${mb(maxEntry)} MB`);
    if (totalBefore + size > limits.maxTotalBytes) throw tooBig(fileName, `its parts unpack to more than ${mb(limits.maxTotalBytes)} MB`);
    if (size > limits.ratioGraceBytes && size > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
      throw tooBig(fileName, `${entry.fileName} is compressed more than ${limits.maxRatio} to 1`);
    }
  };
  check(entry.uncompressedSize);
  const stream = await zip.openReadStreamPromise(entry);
  let counted = 0;
  try {
    for await (const chunk of stream) {
      counted += (chunk as Buffer).length;
      check(counted);
    }
  } finally {
    stream.destroy();
  }
  return counted;
}
