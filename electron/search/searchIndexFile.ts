import { PostingList } from './PostingList';
import type { IndexedStory, SearchIndexParts } from './StorySearch';
import { Vocabulary } from './Vocabulary';

export const searchIndexFileName = 'search-index.bin';

const magic = 0x49534c44; // "DLSI"
/** Bumped whenever the layout or the tokenising changes; another version is rebuilt from the stories. */
const formatVersion = 1;

interface Header {
  folded: string[];
  exact: string[];
  /** [id, revision, headlineLength, words, exactWords] per story number; null for a free number. */
  stories: ([string, number, number, number, number] | null)[];
  foldedSizes: number[];
  exactSizes: number[];
}

/**
 * The search index as one binary file: a JSON header (the vocabularies and the story list), then every
 * number array back to back. Loading it is one read and a handful of typed-array views over it, with no
 * parsing per word, so a 10,000-story library has its search ready as soon as it opens.
 */
export function serializeSearchIndex(parts: SearchIndexParts): Buffer {
  const stories = parts.stories.map((story) => (story ? ([story.id, story.revision, story.headlineLength, story.words.length, story.exactWords.length] as const) : null));
  const header: Header = {
    folded: parts.folded.words,
    exact: parts.exact.words,
    stories: stories as Header['stories'],
    foldedSizes: Array.from({ length: parts.folded.size }, (_, i) => parts.foldedPostings[i]?.size ?? 0),
    exactSizes: Array.from({ length: parts.exact.size }, (_, i) => parts.exactPostings[i]?.size ?? 0),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const headerSpace = align4(headerBytes.length);
  const wide: ArrayLike<number>[] = [];
  const narrow: ArrayLike<number>[] = [];
  for (const story of parts.stories) if (story) wide.push(story.words);
  for (const story of parts.stories) if (story) wide.push(story.exactWords);
  for (const postings of [parts.foldedPostings, parts.exactPostings]) {
    for (const list of postings) {
      if (!list?.size) continue;
      const { docs, notes } = list.contents();
      wide.push(docs);
      narrow.push(notes);
    }
  }
  const wideCount = wide.reduce((sum, a) => sum + a.length, 0);
  const narrowCount = narrow.reduce((sum, a) => sum + a.length, 0);
  const buffer = Buffer.alloc(12 + headerSpace + wideCount * 4 + narrowCount * 2);
  buffer.writeUInt32LE(magic, 0);
  buffer.writeUInt32LE(formatVersion, 4);
  buffer.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(buffer, 12);
  const wideView = new Uint32Array(buffer.buffer, buffer.byteOffset + 12 + headerSpace, wideCount);
  let at = 0;
  for (const array of wide) {
    wideView.set(array as Uint32Array, at);
    at += array.length;
  }
  const narrowView = new Uint16Array(buffer.buffer, buffer.byteOffset + 12 + headerSpace + wideCount * 4, narrowCount);
  at = 0;
  for (const array of narrow) {
    narrowView.set(array as Uint16Array, at);
    at += array.length;
  }
  return buffer;
}

/** Reads a saved index; throws when the file is from another version or does not hold together. */
export function deserializeSearchIndex(file: Buffer): SearchIndexParts {
  // Typed-array views need 4-byte alignment; a large file read lands at offset 0, a pooled copy might not.
  const buffer = file.byteOffset % 4 === 0 ? file : Buffer.from(file);
  if (buffer.length < 12 || buffer.readUInt32LE(0) !== magic) throw new Error('not a Dateline search index');
  if (buffer.readUInt32LE(4) !== formatVersion) throw new Error(`search index format ${buffer.readUInt32LE(4)}, this version reads ${formatVersion}`);
  const headerLength = buffer.readUInt32LE(8);
  const header = JSON.parse(buffer.toString('utf8', 12, 12 + headerLength)) as Header;
  const live = header.stories.filter((s) => s !== null);
  const wideCount =
    live.reduce((sum, s) => sum + s[3] + s[4], 0) + header.foldedSizes.reduce((a, b) => a + b, 0) + header.exactSizes.reduce((a, b) => a + b, 0);
  const narrowCount = header.foldedSizes.reduce((a, b) => a + b, 0) + header.exactSizes.reduce((a, b) => a + b, 0);
  const wideStart = buffer.byteOffset + 12 + align4(headerLength);
  if (buffer.length !== 12 + align4(headerLength) + wideCount * 4 + narrowCount * 2) throw new Error('search index is truncated or padded');
  const wide = new Uint32Array(buffer.buffer, wideStart, wideCount);
  const narrow = new Uint16Array(buffer.buffer, wideStart + wideCount * 4, narrowCount);

  let at = 0;
  const take = (length: number) => wide.subarray(at, (at += length));
  const words = header.stories.map((s) => (s ? take(s[3]) : null));
  const exactWords = header.stories.map((s) => (s ? take(s[4]) : null));
  const stories: (IndexedStory | null)[] = header.stories.map((s, n) =>
    s ? { id: s[0], revision: s[1], headlineLength: s[2], words: words[n]!, exactWords: exactWords[n]! } : null,
  );
  for (const story of stories) {
    if (!story) continue;
    for (const word of story.words) if (word >= header.folded.length) throw new Error(`story ${story.id} uses a word the index does not have`);
    for (const word of story.exactWords) if (word >= header.exact.length) throw new Error(`story ${story.id} uses a spelling the index does not have`);
  }
  let noteAt = 0;
  const postings = (sizes: number[]) =>
    sizes.map((size) => {
      const docs = new Int32Array(take(size).buffer, wideStart + (at - size) * 4, size);
      for (const doc of docs) if (!stories[doc]) throw new Error('search index lists a story it does not hold');
      const notes = narrow.subarray(noteAt, (noteAt += size));
      return new PostingList(docs, notes, size);
    });
  const foldedPostings = postings(header.foldedSizes);
  const exactPostings = postings(header.exactSizes);
  return { folded: new Vocabulary(header.folded), exact: new Vocabulary(header.exact), foldedPostings, exactPostings, stories };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
