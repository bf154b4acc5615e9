import { fromBufferPromise } from 'yauzl';

/** Every file of a zip, by its name inside the zip, read whole. */
export async function readZip(zip: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const archive = await fromBufferPromise(zip, { lazyEntries: true });
  for await (const entry of archive.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await archive.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return files;
}

/** The ninjs item of an exported ninjs bundle: its one `.json` file. */
export async function ninjsItemOf(zip: Buffer): Promise<Record<string, unknown>> {
  const item = [...(await readZip(zip))].find(([name]) => name.endsWith('.json'));
  if (!item) throw new Error('the ninjs bundle holds no .json item');
  return JSON.parse(item[1].toString('utf8'));
}
