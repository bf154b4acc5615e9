/**
 * Runs one write at a time and folds every request made while a write is under way into the next one,
 * so a burst of saves rewrites the index twice, not once per save. Each caller's promise settles once a
 * write that began after its request has finished.
 */
export class CoalescingWriter {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly write: () => Promise<void>) {}

  request(): Promise<void> {
    if (!this.running) {
      this.running = this.write().finally(() => (this.running = null));
      return this.running;
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.request();
      });
    return this.next;
  }
}
