import { PostingList, type DocNumbers } from './PostingList';
import type { IndexedStory, SearchIndexParts, WordNumbers } from './StorySearch';
import { Vocabulary } from './Vocabulary';

export const searchIndexFileName = 'search-index.bin';

const magic = 0x49534c44; // "DLSI"
/** Bumped whenever the layout or the tokenising changes; another version is rebuilt from the stories. */
const formatVersion = 2;
const preambleBytes = 12;

interface Header {
  folded: string[];
  exact: string[];
  /** [id, revision, headlineLength, words, exactWords] per story number; null for a free number. */
  stories: ([string, number, number, number, number] | null)[];
  foldedSizes: number[];
  exactSizes: number[];
  /** Bytes per story number and per word number: 2 while they fit, else 4. */
  docWidth: 2 | 4;
  wordWidth: 2 | 4;
}

/** Where each part of the file lies, in bytes from its start. */
interface Layout {
  foldedDocs: number;
  foldedNotes: number;
  exactDocs: number;
  /** The story word sequences; only phrases and re-indexing need them, so they are read after the rest. */
  words: number;
  exactWords: number;
  end: number;
  postingCount: { folded: number; exact: number };
  wordCount: { words: number; exact: number };
}

function layoutOf(header: Header, headerLength: number): Layout {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const folded = sum(header.foldedSizes);
  const exact = sum(header.exactSizes);
  const live = header.stories.filter((s) => s !== null);
  const words = sum(live.map((s) => s[3]));
  const exactWords = sum(live.map((s) => s[4]));
  const foldedDocs = preambleBytes + align4(headerLength);
  const foldedNotes = foldedDocs + align4(folded * header.docWidth);
  const exactDocs = foldedNotes + align4(folded * 2);
  const wordsAt = exactDocs + align4(exact * header.docWidth);
  const exactWordsAt = wordsAt + align4(words * header.wordWidth);
  const end = exactWordsAt + align4(exactWords * header.wordWidth);
  return { foldedDocs, foldedNotes, exactDocs, words: wordsAt, exactWords: exactWordsAt, end, postingCount: { folded, exact }, wordCount: { words, exact: exactWords } };
}

/**
 * The search index as one binary file: a JSON header (the vocabularies and the story list), then every number
 * array back to back, two bytes a number while a library is small enough. Loading is a read and a handful of
 * typed-array views, no parsing per word, and the story word sequences at the end can follow a moment later.
 */
export function serializeSearchIndex(parts: SearchIndexParts): Buffer {
  const live = parts.stories.filter((story) => story !== null);
  if (live.some((story) => !story.words)) throw new Error('the index is still loading its word sequences');
  const header: Header = {
    folded: parts.folded.words,
    exact: parts.exact.words,
    stories: parts.stories.map((story) => (story ? [story.id, story.revision, story.headlineLength, story.words!.length, story.exactWords!.length] : null)),
    foldedSizes: Array.from({ length: parts.folded.size }, (_, i) => parts.foldedPostings[i]?.size ?? 0),
    exactSizes: Array.from({ length: parts.exact.size }, (_, i) => parts.exactPostings[i]?.size ?? 0),
    docWidth: parts.stories.length <= 0x10000 ? 2 : 4,
    wordWidth: Math.max(parts.folded.size, parts.exact.size) <= 0x10000 ? 2 : 4,
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const layout = layoutOf(header, headerBytes.length);
  const buffer = Buffer.alloc(layout.end);
  buffer.writeUInt32LE(magic, 0);
  buffer.writeUInt32LE(formatVersion, 4);
  buffer.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(buffer, preambleBytes);

  const docView = (at: number, count: number) => (header.docWidth === 2 ? new Uint16Array(buffer.buffer, buffer.byteOffset + at, count) : new Int32Array(buffer.buffer, buffer.byteOffset + at, count));
  const wordView = (at: number, count: number) => (header.wordWidth === 2 ? new Uint16Array(buffer.buffer, buffer.byteOffset + at, count) : new Uint32Array(buffer.buffer, buffer.byteOffset + at, count));
  const fill = (view: Uint16Array | Int32Array | Uint32Array, arrays: ArrayLike<number>[]) => {
    let at = 0;
    for (const array of arrays) {
      view.set(array, at);
      at += array.length;
    }
  };
  const listed = (postings: PostingList[], count: number) => Array.from({ length: count }, (_, i) => postings[i]?.contents() ?? { docs: new Uint16Array(0), notes: null });
  const folded = listed(parts.foldedPostings, parts.folded.size);
  const exact = listed(parts.exactPostings, parts.exact.size);
  fill(docView(layout.foldedDocs, layout.postingCount.folded), folded.map((p) => p.docs));
  fill(new Uint16Array(buffer.buffer, buffer.byteOffset + layout.foldedNotes, layout.postingCount.folded), folded.map((p) => p.notes ?? new Uint16Array(p.docs.length)));
  fill(docView(layout.exactDocs, layout.postingCount.exact), exact.map((p) => p.docs));
  fill(wordView(layout.words, layout.wordCount.words), live.map((s) => s.words!));
  fill(wordView(layout.exactWords, layout.wordCount.exact), live.map((s) => s.exactWords!));
  return buffer;
}

/** Reads `length` bytes of the file from `at`. */
export type ReadAt = (at: number, length: number) => Promise<Buffer>;

/** A saved index being opened: enough to search, and a way to read the story word sequences that complete it. */
export interface OpenedSearchIndex {
  parts: SearchIndexParts;
  readWords(): Promise<void>;
}

/**
 * Opens an index: postings and vocabularies first, enough to search; `readWords` then reads the story word
 * sequences that phrases and re-indexing need. Throws when the file does not hold together.
 */
export async function openSearchIndex(read: ReadAt, fileSize: number): Promise<OpenedSearchIndex> {
  const preamble = await read(0, preambleBytes);
  if (preamble.length < preambleBytes || preamble.readUInt32LE(0) !== magic) throw new Error('not a Dateline search index');
  if (preamble.readUInt32LE(4) !== formatVersion) throw new Error(`search index format ${preamble.readUInt32LE(4)}, this version reads ${formatVersion}`);
  const headerLength = preamble.readUInt32LE(8);
  if (preambleBytes + headerLength > fileSize) throw new Error('search index is truncated');
  const header = JSON.parse((await read(preambleBytes, headerLength)).toString('utf8')) as Header;
  const layout = layoutOf(header, headerLength);
  if (fileSize !== layout.end) throw new Error('search index is truncated or padded');
  const head = await read(layout.foldedDocs, layout.words - layout.foldedDocs);
  const view = viewsOf(head, layout.foldedDocs);
  const docView = (at: number, count: number) => (header.docWidth === 2 ? view.u16(at, count) : view.i32(at, count));

  const stories: (IndexedStory | null)[] = header.stories.map((s) => (s ? { id: s[0], revision: s[1], headlineLength: s[2], words: null, exactWords: null } : null));
  const postings = (sizes: number[], docs: DocNumbers, notes: Uint16Array | null) => {
    let at = 0;
    return sizes.map((size) => {
      const list = new PostingList(docs.subarray(at, at + size), notes?.subarray(at, at + size) ?? null, size);
      at += size;
      return list;
    });
  };
  const foldedDocs = docView(layout.foldedDocs, layout.postingCount.folded);
  const exactDocs = docView(layout.exactDocs, layout.postingCount.exact);
  const parts: SearchIndexParts = {
    folded: new Vocabulary(header.folded),
    exact: new Vocabulary(header.exact),
    foldedPostings: postings(header.foldedSizes, foldedDocs, view.u16(layout.foldedNotes, layout.postingCount.folded)),
    exactPostings: postings(header.exactSizes, exactDocs, null),
    stories,
  };

  const readWords = async () => {
    const tail = viewsOf(await read(layout.words, layout.end - layout.words), layout.words);
    const wordView = (at: number, count: number): WordNumbers => (header.wordWidth === 2 ? tail.u16(at, count) : tail.u32(at, count));
    const words = wordView(layout.words, layout.wordCount.words);
    const exactWords = wordView(layout.exactWords, layout.wordCount.exact);
    // Checked here, after the library has opened, not before: a story number that points nowhere would break
    // a search, and the file is then dropped and rebuilt. (A wrong word number only costs a phrase bonus.)
    for (const docs of [foldedDocs, exactDocs]) {
      for (let i = 0; i < docs.length; i++) if (!stories[docs[i]!]) throw new Error('search index lists a story it does not hold');
    }
    let w = 0;
    let x = 0;
    header.stories.forEach((s, n) => {
      if (!s) return;
      stories[n]!.words = words.subarray(w, (w += s[3]));
      stories[n]!.exactWords = exactWords.subarray(x, (x += s[4]));
    });
  };
  return { parts, readWords };
}

/** Typed-array views over a piece of the file that starts at byte `start` of it. */
function viewsOf(piece: Buffer, start: number) {
  // Views need 4-byte alignment; a large read lands at offset 0, a pooled small one might not.
  const bytes = piece.byteOffset % 4 === 0 ? piece : Buffer.from(new Uint8Array(piece).buffer);
  const at = (offset: number) => bytes.byteOffset + offset - start;
  return {
    u16: (offset: number, count: number) => new Uint16Array(bytes.buffer, at(offset), count),
    i32: (offset: number, count: number) => new Int32Array(bytes.buffer, at(offset), count),
    u32: (offset: number, count: number) => new Uint32Array(bytes.buffer, at(offset), count),
  };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
