import { describe, expect, it } from 'vitest';
import { CoalescingWriter } from './CoalescingWriter';

describe('CoalescingWriter', () => {
  it('folds requests made during a write into one more write, and every caller waits for a write after its request', async () => {
    const started: number[] = [];
    let value = 0;
    const written: number[] = [];
    const writer = new CoalescingWriter(async () => {
      started.push(value);
      const snapshot = value;
      await new Promise((resolve) => setTimeout(resolve, 10));
      written.push(snapshot);
    });
    value = 1;
    const first = writer.request();
    value = 2;
    const second = writer.request();
    value = 3;
    const third = writer.request();
    await Promise.all([first, second, third]);
    expect(written).toEqual([1, 3]);
  });

  it('passes a failed write on to its callers and keeps working', async () => {
    let fail = true;
    const writer = new CoalescingWriter(async () => {
      if (fail) throw new Error('disk full');
    });
    await expect(writer.request()).rejects.toThrow('disk full');
    fail = false;
    await expect(writer.request()).resolves.toBeUndefined();
  });
});
