import * as nodeFs from 'node:fs/promises';

/**
 * The file-system calls the store makes. It is taken in the constructor so that a test can inject a fault
 * (a full disk, a read-only folder) at this seam instead of mocking the store.
 */
export type FileSystem = Pick<
  typeof nodeFs,
  'open' | 'readFile' | 'rename' | 'rm' | 'mkdir' | 'readdir' | 'stat' | 'appendFile'
>;

export const realFileSystem: FileSystem = nodeFs;

export function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
