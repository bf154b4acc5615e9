import { describe, expect, it } from 'vitest';
import { deliveryOverlay } from '../../shared/publish/storyStanding';
import type { Translate } from '../i18n/messageKey';
import { deliveryReason, jobsByStory, outboxPollInterval } from './outboxFacts';
import { testOutboxItem as job } from '../../shared/publish/testOutboxItem';


const offline = { code: 'offline', message: 'no connection to the server (ENOTFOUND)', willRetry: true };
/** A stand-in for i18next's t: the first key that names a known sentence, with its values filled in. */
const sentences: Record<string, string> = {
  'outbox.reason.offline_wordpress': 'Chưa có mạng; {{next}}',
  'outbox.reason.auth': 'Sai mật khẩu.',
  'outbox.reason.other': 'Chưa gửi được ({{message}}); {{next}}',
  'outbox.next.at': 'Dateline sẽ tự gửi lại lúc {{time}}.',
  'outbox.next.now': 'Dateline đang thử lại.',
  'outbox.next.byHand': 'bấm “Thử lại ngay” để gửi lại.',
};
const standIn = (key: string | string[], values: Record<string, unknown> = {}) => {
  const found = [key].flat().find((k) => k in sentences) ?? String(key);
  return (sentences[found] ?? found).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};
// i18next's t has overloads a stand-in cannot spell; what these helpers call of it, the stand-in answers.
const t = standIn as unknown as Translate;

describe('the outbox as the reporter sees it', () => {
  it('polls every 2 s while anything is on its way, else every 15 s', () => {
    expect(outboxPollInterval(undefined)).toBe(15_000);
    expect(outboxPollInterval([job({})])).toBe(15_000);
    expect(outboxPollInterval([job({}), job({ state: 'sending' })])).toBe(2_000);
    expect(outboxPollInterval([job({ state: 'queued', error: offline })])).toBe(2_000);
  });

  it('overlays "sending" on a queued or sending job, "failed" once a try failed, "missed" for a post held past its time', () => {
    expect(deliveryOverlay(undefined)).toBeNull();
    expect(deliveryOverlay(job({}))).toBeNull();
    expect(deliveryOverlay(job({ state: 'queued' }))).toBe('sending');
    expect(deliveryOverlay(job({ state: 'sending' }))).toBe('sending');
    expect(deliveryOverlay(job({ state: 'queued', error: offline }))).toBe('failed');
    expect(deliveryOverlay(job({ state: 'failed', error: { code: 'auth', message: '', willRetry: false } }))).toBe('failed');
    expect(deliveryOverlay(job({ missedSchedule: true }))).toBe('missed');
  });

  it('keeps, for each story, its most telling job, the very object, so unchanged rows stay memoised', () => {
    const delivered = job({ jobId: 'folder-1', target: 'folder' });
    const failing = job({ jobId: 'wordpress-1', target: 'wordpress', state: 'queued', error: offline });
    const other = job({ jobId: 'folder-2', storyId: 'story-0002', state: 'sending' });
    const byStory = jobsByStory([delivered, failing, other]);
    expect(byStory.get('story-0001')).toBe(failing);
    expect(byStory.get('story-0002')).toBe(other);
    expect(jobsByStory([failing, delivered]).get('story-0001')).toBe(failing);
  });

  it('says why, and when Dateline tries again, on the newsroom clock', () => {
    const now = Date.parse('2024-05-14T01:34:00Z');
    const waiting = job({ target: 'wordpress', state: 'queued', error: offline, nextAttemptAt: '2024-05-14T01:34:23.000Z' });
    expect(deliveryReason(waiting, t, 'Asia/Ho_Chi_Minh', now)).toBe('Chưa có mạng; Dateline sẽ tự gửi lại lúc 08:34:23.');
    expect(deliveryReason({ ...waiting, nextAttemptAt: '2024-05-14T01:33:00.000Z' }, t, 'Asia/Ho_Chi_Minh', now)).toBe('Chưa có mạng; Dateline đang thử lại.');
    expect(deliveryReason(job({ state: 'failed', error: { code: 'auth', message: '401', willRetry: false } }), t, 'Asia/Ho_Chi_Minh', now)).toBe('Sai mật khẩu.');
    expect(deliveryReason(job({ state: 'failed', error: { code: 'weird', message: 'boom', willRetry: false } }), t, 'Asia/Ho_Chi_Minh', now)).toBe(
      'Chưa gửi được (boom); bấm “Thử lại ngay” để gửi lại.',
    );
    expect(deliveryReason(job({}), t, 'Asia/Ho_Chi_Minh', now)).toBeNull();
  });
});
