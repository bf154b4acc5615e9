import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';

export interface PhotoOptions {
  width?: number;
  height?: number;
  /** The photo's one colour. */
  background?: string;
  /**
   * Written into the file's EXIF (Software), so two photos made alike are still different files: the library
   * and a CMS know a photo by its bytes, and solid colours a JPEG encoder rounds together would be the same.
   */
  uniqueBy?: string;
  /** Tag assignments for exiftool, e.g. '-IPTC:City=Cẩm Phả'; makePhoto adds -q, -overwrite_original and the path. */
  exiftoolArgs?: readonly string[];
}

let exiftoolVersionMemo: string | null | undefined;

/** exiftool's version, or null where it is not on PATH (Debian: libimage-exiftool-perl). */
export function exiftoolVersion(): string | null {
  if (exiftoolVersionMemo === undefined) {
    try {
      exiftoolVersionMemo = execFileSync('exiftool', ['-ver'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      exiftoolVersionMemo = null;
    }
  }
  return exiftoolVersionMemo;
}

/**
 * Writes a plain JPEG (whatever `name`'s extension) to dir/name and returns its path. With exiftoolArgs, exiftool
 * then writes that metadata into it: real writer, real bytes, so a test sees what a photographer's tools produce.
 */
export async function makePhoto(dir: string, name: string, { width = 64, height = 48, background = '#2a6f97', uniqueBy, exiftoolArgs = [] }: PhotoOptions = {}): Promise<string> {
  const path = join(dir, name);
  const image = sharp({ create: { width, height, channels: 3, background } }).jpeg();
  await (uniqueBy ? image.withExif({ IFD0: { Software: uniqueBy } }) : image).toFile(path);
  if (exiftoolArgs.length > 0) {
    if (exiftoolVersion() === null) throw new Error(`makePhoto(${name}): exiftoolArgs given but exiftool is not installed`);
    execFileSync('exiftool', ['-q', '-overwrite_original', ...exiftoolArgs, path]);
  }
  return path;
}
