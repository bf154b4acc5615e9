/**
 * The stories that hold one word, with a small note for each: how often the word occurs and whether the
 * headline has it. Typed arrays keep a 10,000-story index in tens of megabytes rather than hundreds, and let a
 * saved index load as views of one file, without parsing. Order does not matter, so removing is a swap with
 * the last entry.
 */
export class PostingList {
  constructor(
    private docs: Int32Array = new Int32Array(4),
    private notes: Uint16Array = new Uint16Array(4),
    public size = 0,
  ) {}

  static readonly headlineBit = 0x8000;
  static readonly maxCount = 0x7fff;

  static note(count: number, inHeadline: boolean): number {
    return Math.min(count, PostingList.maxCount) | (inHeadline ? PostingList.headlineBit : 0);
  }

  docAt(i: number): number {
    return this.docs[i]!;
  }

  noteAt(i: number): number {
    return this.notes[i]!;
  }

  add(doc: number, note: number): void {
    if (this.size === this.docs.length) {
      const capacity = Math.max(4, Math.ceil(this.size * 1.5));
      const docs = new Int32Array(capacity);
      docs.set(this.docs.subarray(0, this.size));
      const notes = new Uint16Array(capacity);
      notes.set(this.notes.subarray(0, this.size));
      this.docs = docs;
      this.notes = notes;
    }
    this.docs[this.size] = doc;
    this.notes[this.size] = note;
    this.size++;
  }

  remove(doc: number): void {
    const at = this.docs.subarray(0, this.size).indexOf(doc);
    if (at < 0) return;
    this.size--;
    this.docs[at] = this.docs[this.size]!;
    this.notes[at] = this.notes[this.size]!;
  }

  /** The live part, for writing the index out. */
  contents(): { docs: Int32Array; notes: Uint16Array } {
    return { docs: this.docs.subarray(0, this.size), notes: this.notes.subarray(0, this.size) };
  }
}
