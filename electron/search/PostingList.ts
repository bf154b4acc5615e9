export type DocNumbers = Uint16Array | Int32Array;

/**
 * The stories that hold one word, with a small note for each: how often the word occurs and whether the
 * headline has it (lists of marked spellings keep no notes). Typed arrays keep a 10,000-story index in tens of
 * megabytes rather than hundreds, and let a saved index load as views of one file, without parsing; story
 * numbers take two bytes until a library outgrows them. Order does not matter, so removing is a swap with the
 * last entry.
 */
export class PostingList {
  constructor(
    private docs: DocNumbers = new Uint16Array(4),
    private notes: Uint16Array | null = new Uint16Array(4),
    public size = 0,
  ) {}

  static readonly headlineBit = 0x8000;
  static readonly maxCount = 0x7fff;

  static withoutNotes(): PostingList {
    return new PostingList(new Uint16Array(4), null);
  }

  static note(count: number, inHeadline: boolean): number {
    return Math.min(count, PostingList.maxCount) | (inHeadline ? PostingList.headlineBit : 0);
  }

  docAt(i: number): number {
    return this.docs[i]!;
  }

  noteAt(i: number): number {
    return this.notes ? this.notes[i]! : 0;
  }

  add(doc: number, note = 0): void {
    const wide = doc > 0xffff && this.docs instanceof Uint16Array;
    if (this.size === this.docs.length || wide) {
      const capacity = Math.max(4, Math.ceil(this.size * 1.5));
      const docs = wide || this.docs instanceof Int32Array ? new Int32Array(capacity) : new Uint16Array(capacity);
      docs.set(this.docs.subarray(0, this.size));
      this.docs = docs;
      if (this.notes) {
        const notes = new Uint16Array(capacity);
        notes.set(this.notes.subarray(0, this.size));
        this.notes = notes;
      }
    }
    this.docs[this.size] = doc;
    if (this.notes) this.notes[this.size] = note;
    this.size++;
  }

  remove(doc: number): void {
    const at = this.docs.subarray(0, this.size).indexOf(doc);
    if (at < 0) return;
    this.size--;
    this.docs[at] = this.docs[this.size]!;
    if (this.notes) this.notes[at] = this.notes[this.size]!;
  }

  /** The live part, for writing the index out. */
  contents(): { docs: DocNumbers; notes: Uint16Array | null } {
    return { docs: this.docs.subarray(0, this.size), notes: this.notes?.subarray(0, this.size) ?? null };
  }
}
