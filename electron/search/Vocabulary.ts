/**
 * Words and their numbers. Postings and story word sequences hold the numbers, so each distinct word is
 * stored once however many stories use it. The sorted view, built when first needed and kept in order after,
 * answers "every word that begins with what the reporter has typed so far".
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private sorted: string[] | null = null;

  constructor(readonly words: string[] = []) {
    words.forEach((word, id) => this.ids.set(word, id));
  }

  get size(): number {
    return this.words.length;
  }

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      if (this.sorted) this.sorted.splice(lowerBound(this.sorted, word), 0, word);
    }
    return id;
  }

  withPrefix(prefix: string): number[] {
    this.sorted ??= [...this.words].sort();
    const found: number[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) found.push(this.ids.get(this.sorted[i]!)!);
    return found;
  }
}

function lowerBound(sorted: string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}
