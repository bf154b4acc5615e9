import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatelineError } from '../../shared/api/DatelineError';
import { buildSampleDocx } from '../../tests/fixtures/wordInOut/sampleDocx';
import { docxToHtml } from './docxToHtml';
import { checkDocxZip, docxZipLimits } from './docxZipLimits';

const MB = 1024 * 1024;
const xmlStart = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
const xmlEnd = '</w:t></w:r></w:p></w:body></w:document>';
const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const packageRelationships =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** `size` bytes of one letter, made 1 MB at a time so the test itself never holds the unpacked text. */
function runOfOneLetter(size: number): Readable {
  const block = Buffer.alloc(MB, 'a');
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const part = left >= MB ? block : block.subarray(0, left);
      left -= part.length;
      this.push(part);
    },
  });
}

/** A Word file's skeleton whose document.xml is `textBytes` of one letter: a zip bomb when that is large. */
async function wordFileWithText(textBytes: number, extraEntries = 0): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(contentTypes), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(packageRelationships), '_rels/.rels');
  const text = Readable.from(
    (async function* () {
      yield Buffer.from(xmlStart);
      for await (const chunk of runOfOneLetter(textBytes)) yield chunk as Buffer;
      yield Buffer.from(xmlEnd);
    })(),
  );
  zip.addReadStream(text, 'word/document.xml', { size: xmlStart.length + textBytes + xmlEnd.length });
  for (let index = 0; index < extraEntries; index++) zip.addBuffer(Buffer.from('x'), `word/media/x${index}.bin`);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Rewrites the uncompressed size every header declares for `name`, as a forged zip would. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const forged = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let at = 0; at < forged.length - 46; at++) {
    const signature = forged.readUInt32LE(at);
    if (signature === 0x02014b50 && forged.subarray(at + 46, at + 46 + nameBytes.length).equals(nameBytes)) forged.writeUInt32LE(size, at + 24);
    if (signature === 0x04034b50 && forged.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) forged.writeUInt32LE(size, at + 22);
  }
  return forged;
}

async function refusal(promise: Promise<unknown>): Promise<DatelineError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatelineError);
  return error as DatelineError;
}

/** What running `work` added to the process's resident memory at its peak, sampled as it ran. */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe('a Word file that unpacks to far more than it weighs', () => {
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await wordFileWithText(300 * MB);
  }, 60_000);

  it('is refused from its declared size, before mammoth reads it, without the memory it asks for', async () => {
    expect(bomb.length).toBeLessThan(MB);
    let error: DatelineError | undefined;
    const growth = await peakRssGrowth(async () => {
      error = await refusal(docxToHtml('bom.docx', bomb));
    });
    expect(error!.code).toBe('invalid_input');
    expect(error!.message).toMatch(/^bom\.docx: it unpacks to more than a Word file may hold \(word\/document\.xml unpacks to more than 16 MB\)/);
    expect(error!.details).toMatchObject({ fileName: 'bom.docx', reason: expect.stringMatching(/giải nén ra lớn bất thường/) });
    expect(growth).toBeLessThan(200 * MB);
  });

  it('is refused while inflating when its headers declare a small size, stopping at the declared size', async () => {
    const forged = declareSize(bomb, 'word/document.xml', 1000);
    let error: DatelineError | undefined;
    const growth = await peakRssGrowth(async () => {
      error = await refusal(docxToHtml('gia.docx', forged));
    });
    expect(error!.code).toBe('invalid_input');
    // Named by the part that broke its word, found while inflating it, not by whatever mammoth met afterwards.
    expect(error!.message).toMatch(/^gia\.docx: .*word\/document\.xml/);
    expect(growth).toBeLessThan(200 * MB);
  });

  it('is refused for its compression ratio alone, under every size limit', async () => {
    const dense = await wordFileWithText(8 * MB);
    const error = await refusal(docxToHtml('nen.docx', dense));
    expect(error.message).toMatch(/word\/document\.xml is compressed more than 100 to 1/);
  });

  it('is refused when its parts together unpack to more than the total', async () => {
    const limits = { ...docxZipLimits, maxTotalBytes: 2 * MB };
    const error = await refusal(checkDocxZip('tong.docx', await wordFileWithText(3 * MB), { ...limits, maxRatio: 1e9 }));
    expect(error.message).toMatch(/its parts unpack to more than 2 MB/);
  });

  it('is refused when it holds more parts than a Word file has', async () => {
    const many = await wordFileWithText(10, docxZipLimits.maxEntries);
    const error = await refusal(docxToHtml('nhieu.docx', many));
    expect(error.message).toMatch(/1003 parts, more than 1000/);
  });
});

describe('an ordinary Word file', () => {
  it('passes the checks and is read', async () => {
    const bytes = await buildSampleDocx();
    await expect(checkDocxZip('ven-bien.docx', bytes)).resolves.toBeUndefined();
    expect(await docxToHtml('ven-bien.docx', bytes)).toMatch(/<h1>/);
  });
});
