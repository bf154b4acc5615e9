import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { DatelineError } from '../../shared/api/DatelineError';
import { deliveryErrorSchema, outboxActionSchema, outboxStateSchema, publishTargetSchema, type OutboxItem, type OutboxList, type PublishTarget } from '../../shared/publish/outboxSchema';
import type { Story } from '../../shared/story/storySchema';
import { checklistItemSchema, type ChecklistItem } from '../../shared/workflow/prePublishChecklist';
import { goesToReaders } from '../../shared/workflow/storyTransitions';
import { Quarantine } from '../library/Quarantine';
import type { Logger } from '../log/Logger';
import { AtomicJsonFile } from '../store/AtomicJsonFile';
import { CoalescingWriter } from '../store/CoalescingWriter';
import type { FileSystem } from '../store/fileSystem';
import type { StoryStore } from '../store/StoryStore';
import { DeliveryFailure } from './DeliveryFailure';
import type { PublishTargetDriver } from './PublishTargetDriver';
import { emptyRemoteState, remoteStateSchema, type RemoteState } from './remoteState';

const jobSchema = z.object({
  jobId: z.string(),
  storyId: z.string(),
  target: publishTargetSchema,
  action: outboxActionSchema,
  state: outboxStateSchema,
  attempts: z.number().int(),
  error: deliveryErrorSchema.nullable(),
  headline: z.string(),
  storyRevision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  missedSchedule: z.boolean(),
  /** A change came in while the job was being sent: it goes again once that send ends. */
  again: z.boolean(),
  /** When the target should publish a scheduled post, to check after that it did. */
  publishAt: z.string().nullable(),
  /** When WordPress was last asked whether the scheduled post went out. */
  checkedAt: z.string().nullable(),
  /** Why the job is held (state 'held'): the story's checklist errors when it was last saved or about to be sent. */
  holds: z.array(checklistItemSchema).default([]),
});
type Job = z.infer<typeof jobSchema>;

const outboxFileSchema = z.object({
  schemaVersion: z.literal(1),
  jobs: z.array(jobSchema),
  /** What each target holds of each story, by `<target>:<storyId>`; kept after a job is cancelled or done. */
  remote: z.record(z.string(), remoteStateSchema),
});
type OutboxFile = z.infer<typeof outboxFileSchema>;

export interface OutboxOptions {
  dataDir: string;
  fs: FileSystem;
  log: Logger;
  stories: StoryStore;
  /** The targets set up now (settings change while the app runs). */
  drivers: () => Partial<Record<PublishTarget, PublishTargetDriver>>;
  now?: () => Date;
  /** Waits between tries: base × 2^(attempt − 1), at most max. */
  backoff?: { baseMs: number; maxMs: number };
  /** After an edit to a scheduled or published story, how long to wait for the reporter to stop typing. */
  editDelayMs?: number;
  /** How long after its time a post WordPress still holds as scheduled counts as a missed schedule. */
  missedGraceMs?: number;
  /** Told when a target shows a scheduled story as gone out, so the story can be marked published. */
  onPublished?: (storyId: string) => Promise<void>;
  /** Where a damaged outbox.json is moved aside; the data folder's own by default. */
  quarantine?: Quarantine;
  /**
   * What keeps the story as it is from being delivered (its pre-publish checklist errors); none by default. A
   * story edited on its way out until it fails the checklist is held, not sent, until a save mends it.
   */
  holds?: (story: Story) => ChecklistItem[];
}

const outboxFileName = 'outbox.json';

/**
 * Delivery jobs, persisted in `outbox.json` so they survive a restart, and the worker that sends them one at a
 * time. A scheduled or published story is queued for every target set up whenever it is saved; one that leaves
 * those states is queued to be withdrawn. A failure that may mend (no connection, a server error) is tried
 * again by itself after 2 s, 4 s, 8 s … up to a ceiling; one that will not (a refused password) waits for
 * "retry". A job interrupted by a crash is resumed at the next start, and the drivers' own lookups make the
 * resumed delivery update what the first one made rather than make it twice. A story that fails the pre-publish
 * checklist (its sapo emptied after it was scheduled) is held: its job waits, saying why, and what the target
 * already holds of it is left as it was, until a save mends the story and the job is queued again.
 */
export class Outbox {
  private readonly writer: CoalescingWriter;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private finished = false;
  private unsubscribe: (() => void) | null = null;
  private readonly now: () => Date;
  private readonly backoff: { baseMs: number; maxMs: number };

  private constructor(
    private readonly options: OutboxOptions,
    private readonly db: Low<OutboxFile>,
  ) {
    this.writer = new CoalescingWriter(() => this.db.write());
    this.now = options.now ?? (() => new Date());
    this.backoff = options.backoff ?? { baseMs: 2_000, maxMs: 30_000 };
  }

  static async open(options: OutboxOptions): Promise<Outbox> {
    const path = join(options.dataDir, outboxFileName);
    const db = new Low<OutboxFile>(new AtomicJsonFile<OutboxFile>(path, options.fs), { schemaVersion: 1, jobs: [], remote: {} });
    try {
      const raw = await db.adapter.read();
      // No file yet is an empty outbox; a file that is not an outbox is damaged.
      if (raw !== null) db.data = outboxFileSchema.parse(raw);
    } catch (error) {
      // The stories are safe in their own files; a damaged outbox loses only its queue, which a push refills.
      options.log.error('the outbox could not be read; deliveries start afresh', error);
      await (options.quarantine ?? new Quarantine(options.dataDir, options.fs, options.log)).moveAside(
        path,
        `the outbox was damaged (${(error as Error).message}); deliveries start afresh, and "Gửi lại" sends a story again`,
      );
    }
    const outbox = new Outbox(options, db);
    // A delivered job stays listed for a month, then only what the target holds of the story is kept, so the
    // outbox stays short and a later push still updates the same post.
    const monthAgo = outbox.now().getTime() - 30 * 24 * 3_600_000;
    db.data.jobs = db.data.jobs.filter((job) => !(job.state === 'delivered' && job.publishAt === null && Date.parse(job.updatedAt) < monthAgo));
    for (const job of db.data.jobs) {
      if (job.state !== 'sending') continue;
      // Cut off mid-delivery by a crash or a kill: sent again now; the driver finds what the first try made.
      job.state = 'queued';
      job.nextAttemptAt = outbox.now().toISOString();
      options.log.warn(`outbox: resuming the ${job.target} delivery of story ${job.storyId}, interrupted`);
    }
    return outbox;
  }

  /** Starts following saves and sending; the composition root calls it once the library is open. */
  start(): void {
    this.unsubscribe = this.options.stories.onSaved((story, previous) => this.storySaved(story, previous));
    this.wake();
  }

  /** The address each of the story's photos has on the paper's WordPress site, where a delivery has put it there. */
  sitePhotoUrls(storyId: string): Map<string, string> {
    const media = this.db.data.remote[remoteKey({ target: 'wordpress', storyId })]?.media ?? {};
    return new Map(Object.entries(media).map(([mediaId, photo]) => [mediaId, photo.url]));
  }

  list(): OutboxItem[] {
    return [...this.db.data.jobs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((job) => this.item(job));
  }

  /** The outbox as the API shows it: every job, and the stories some target holds. Each action answers with it. */
  view(): OutboxList {
    return { items: this.list(), sent: this.sent() };
  }

  /** The stories some target holds now, by id: what was delivered and not since withdrawn. */
  sent(): string[] {
    const ids = new Set<string>();
    for (const [key, state] of Object.entries(this.db.data.remote)) {
      if (state.url && state.status !== 'withdrawn') ids.add(key.slice(key.indexOf(':') + 1));
    }
    return [...ids];
  }

  /** Sends every job still waiting now, whatever its backoff, and settles when none is left to try. */
  async flush(): Promise<OutboxList> {
    const now = this.now().toISOString();
    for (const job of this.db.data.jobs) if (job.state === 'queued') job.nextAttemptAt = now;
    await this.drain();
    return this.view();
  }

  /** Queues the story as it is now, for a push by hand ("Gửi lại"). */
  async push(storyId: string): Promise<OutboxList> {
    const story = await this.options.stories.get(storyId);
    if (!goesToReaders(story)) throw new DatelineError('invalid_input', `story ${storyId} is neither scheduled nor published, so there is nothing to send`);
    const holds = this.holdsOf(story);
    if (holds.length) throw new DatelineError('invalid_transition', `story ${storyId} is held back: ${holds.map((found) => found.text).join('; ')}`, { reason: 'checklist_errors', items: holds });
    if (!this.queue(story, 'publish', 0)) throw new DatelineError('not_configured', 'no publishing target is set up: add the WordPress site or a folder in the settings');
    await this.persist();
    this.wake();
    return this.view();
  }

  async retry(jobId: string): Promise<OutboxList> {
    const job = this.job(jobId);
    if (job.state !== 'sending') {
      Object.assign(job, { state: 'queued', nextAttemptAt: this.now().toISOString(), updatedAt: this.now().toISOString() });
      await this.persist();
      this.wake();
    }
    return this.view();
  }

  /** Drops the job. What it already delivered stays on the target, and a later push still updates that. */
  async cancel(jobId: string): Promise<OutboxList> {
    const job = this.job(jobId);
    this.db.data.jobs = this.db.data.jobs.filter((other) => other !== job);
    await this.persist();
    return this.view();
  }

  async publishNow(jobId: string): Promise<OutboxList> {
    const job = this.job(jobId);
    const driver = this.options.drivers()[job.target];
    if (!driver?.publishNow) throw new DatelineError('invalid_input', `the ${job.target} target cannot publish by itself`);
    try {
      this.db.data.remote[remoteKey(job)] = await driver.publishNow(this.remoteOf(job));
    } catch (error) {
      throw new DatelineError('delivery_failed', DeliveryFailure.from(error).message);
    }
    Object.assign(job, { missedSchedule: false, publishAt: null, checkedAt: this.now().toISOString(), updatedAt: this.now().toISOString() });
    await this.persist();
    if (this.remoteOf(job).status === 'publish') await this.wentOut(job);
    return this.view();
  }

  /**
   * Stops the worker. A delivery in flight gets two seconds to finish; a slow site must not hold up quitting,
   * and one cut short is on disk as being sent, so the next start resumes it without duplicating anything.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    const grace = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
    await Promise.race([this.running?.catch(() => undefined), grace]);
    await this.persist();
    // A delivery still running writes nothing more: after a backup restore this folder holds another outbox.
    this.finished = true;
  }

  private storySaved(story: Story, previous: Story | null): void {
    const statusChanged = previous === null || previous.status !== story.status || previous.trashedAt !== story.trashedAt;
    let queued = false;
    const holds = goesToReaders(story) ? this.holdsOf(story) : [];
    if (holds.length) queued = this.hold(story, holds);
    else if (goesToReaders(story)) {
      // A story just mended goes at once: it was held, not being typed into by the minute.
      const wasHeld = this.db.data.jobs.some((job) => job.storyId === story.id && job.state === 'held');
      queued = this.queue(story, 'publish', statusChanged || wasHeld ? 0 : (this.options.editDelayMs ?? 30_000));
    }
    else if (previous && goesToReaders(previous)) queued = this.queue(story, 'withdraw', 0);
    if (!queued) return;
    this.persist()
      .then(() => this.wake())
      .catch((error: unknown) => this.options.log.error(`outbox: the delivery of story ${story.id} could not be queued`, error));
  }

  private holdsOf(story: Story): ChecklistItem[] {
    try {
      return this.options.holds?.(story) ?? [];
    } catch (error) {
      this.options.log.warn(`outbox: could not check story ${story.id} before delivery`, error);
      return [];
    }
  }

  /** Holds the story's job for every target set up, saying why; one being sent is held when that send ends. */
  private hold(story: Story, holds: ChecklistItem[]): boolean {
    const targets = Object.keys(this.options.drivers()) as PublishTarget[];
    const now = this.now().toISOString();
    for (const target of targets) {
      const existing = this.db.data.jobs.find((job) => job.storyId === story.id && job.target === target);
      const job: Job = existing ?? {
        jobId: `${target}-${randomUUID()}`,
        storyId: story.id,
        target,
        action: 'publish',
        state: 'held',
        attempts: 0,
        error: null,
        headline: story.headline,
        storyRevision: story.revision,
        createdAt: now,
        updatedAt: now,
        nextAttemptAt: null,
        missedSchedule: false,
        again: false,
        publishAt: null,
        checkedAt: null,
        holds,
      };
      Object.assign(job, { action: 'publish', headline: story.headline, storyRevision: story.revision, updatedAt: now, holds });
      // The send under way finds the holds when it reads the story again; otherwise the job waits as held.
      if (job.state === 'sending') job.again = true;
      else Object.assign(job, { state: 'held', error: null, nextAttemptAt: null });
      if (!existing) this.db.data.jobs.push(job);
    }
    return targets.length > 0;
  }

  /** Puts the story's job for every target set up back in the queue; false when no target is set up. */
  private queue(story: Story, action: Job['action'], delayMs: number): boolean {
    const targets = Object.keys(this.options.drivers()) as PublishTarget[];
    const now = this.now();
    const due = new Date(now.getTime() + delayMs).toISOString();
    for (const target of targets) {
      const existing = this.db.data.jobs.find((job) => job.storyId === story.id && job.target === target);
      // Nothing ever reached this target: there is nothing to withdraw.
      if (action === 'withdraw' && !existing && !this.db.data.remote[`${target}:${story.id}`]) continue;
      const job: Job = existing ?? {
        jobId: `${target}-${randomUUID()}`,
        storyId: story.id,
        target,
        action,
        state: 'queued',
        attempts: 0,
        error: null,
        headline: story.headline,
        storyRevision: story.revision,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        nextAttemptAt: due,
        missedSchedule: false,
        again: false,
        publishAt: null,
        checkedAt: null,
        holds: [],
      };
      Object.assign(job, { action, headline: story.headline, storyRevision: story.revision, updatedAt: now.toISOString(), holds: [] });
      if (job.state === 'sending') job.again = true;
      else Object.assign(job, { state: 'queued', attempts: 0, error: null, nextAttemptAt: due });
      if (!existing) this.db.data.jobs.push(job);
    }
    return targets.length > 0;
  }

  /** Runs the worker now unless it is running; the worker sets its own timer for what comes due later. */
  private wake(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.drain().catch((error: unknown) => this.options.log.error('outbox: the worker stopped on an error', error));
  }

  private drain(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = null;
      this.arm();
    });
    return this.running;
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const now = this.now().getTime();
      const due = this.db.data.jobs.find((job) => job.state === 'queued' && job.nextAttemptAt !== null && Date.parse(job.nextAttemptAt) <= now);
      if (due) {
        await this.send(due);
        continue;
      }
      const check = this.db.data.jobs.find((job) => this.checkDueAt(job) <= now);
      if (check) {
        await this.checkSchedule(check);
        continue;
      }
      return;
    }
  }

  /** A timer for the earliest next try or schedule check. */
  private arm(): void {
    if (this.closed) return;
    const next = Math.min(...this.db.data.jobs.map((job) => Math.min(job.state === 'queued' && job.nextAttemptAt ? Date.parse(job.nextAttemptAt) : Infinity, this.checkDueAt(job))));
    if (!Number.isFinite(next)) return;
    if (this.timer) clearTimeout(this.timer);
    // Timers beyond ~24 days overflow; an hour's wait is re-armed when it fires.
    this.timer = setTimeout(() => this.wake(), Math.min(Math.max(0, next - this.now().getTime()), 3_600_000));
    this.timer.unref();
  }

  private async send(job: Job): Promise<void> {
    const driver = this.options.drivers()[job.target];
    const now = () => this.now().toISOString();
    Object.assign(job, { state: 'sending', attempts: job.attempts + 1, again: false, updatedAt: now() });
    await this.persist();
    let failure: DeliveryFailure | null = null;
    let story: Story | null = null;
    try {
      if (!driver) throw new DeliveryFailure('not_configured', `the ${job.target} target is no longer set up`);
      story = await this.options.stories.get(job.storyId).catch(() => {
        throw new DeliveryFailure('rejected', `story ${job.storyId} is no longer in the library`);
      });
      const holds = job.action === 'publish' ? this.holdsOf(story) : [];
      if (holds.length) {
        // Broken since it was queued (the save that broke it raced this send): held, and nothing goes out.
        Object.assign(job, { state: 'held', again: false, error: null, nextAttemptAt: null, holds, storyRevision: story.revision, updatedAt: now() });
        await this.persist();
        return;
      }
      const saveProgress = async (state: RemoteState) => {
        this.db.data.remote[remoteKey(job)] = state;
        await this.persist();
      };
      this.db.data.remote[remoteKey(job)] = await driver.deliver(story, this.remoteOf(job), saveProgress);
    } catch (error) {
      failure = DeliveryFailure.from(error);
    }
    if (!this.db.data.jobs.includes(job)) {
      // Cancelled while it was being sent.
      await this.persist();
      return;
    }
    if (failure) {
      const wait = Math.min(this.backoff.baseMs * 2 ** Math.min(job.attempts - 1, 20), this.backoff.maxMs);
      Object.assign(job, {
        state: job.again ? 'queued' : failure.willRetry ? 'queued' : 'failed',
        error: failure.toJSON(),
        nextAttemptAt: job.again ? now() : failure.willRetry ? new Date(this.now().getTime() + wait).toISOString() : null,
        updatedAt: now(),
      });
      this.options.log.warn(`outbox: ${job.target} delivery of story ${job.storyId} failed (attempt ${job.attempts}): ${failure.message}${failure.willRetry ? `; next try in ${Math.round(wait / 1000)} s` : ''}`);
    } else {
      const remote = this.remoteOf(job);
      Object.assign(job, {
        state: job.again ? 'queued' : 'delivered',
        error: null,
        nextAttemptAt: job.again ? now() : null,
        missedSchedule: false,
        storyRevision: job.again ? job.storyRevision : story!.revision,
        publishAt: remote.status === 'future' ? (story!.publishAt?.at ?? null) : null,
        checkedAt: null,
        updatedAt: now(),
      });
      this.options.log.info(`outbox: story ${job.storyId} delivered to ${job.target}${remote.url ? ` (${remote.url})` : ''}`);
    }
    await this.persist();
  }

  /**
   * When a delivered scheduled post is next due a look: a minute after its time (WordPress publishes on its next
   * cron run), then every two minutes until it has gone out.
   */
  private checkDueAt(job: Job): number {
    if (job.state !== 'delivered' || job.publishAt === null || !this.options.drivers()[job.target]?.readBack) return Infinity;
    const first = Date.parse(job.publishAt) + 60_000;
    return job.checkedAt === null ? first : Math.max(first, Date.parse(job.checkedAt) + 2 * 60_000);
  }

  /**
   * Reads the post back after its time. Gone out: the story is marked published, as the site shows it. Still
   * only scheduled past the grace: the site's cron has not run, a missed schedule (lỡ giờ đăng) for the reporter.
   */
  private async checkSchedule(job: Job): Promise<void> {
    const driver = this.options.drivers()[job.target];
    try {
      const state = await driver!.readBack!(this.remoteOf(job));
      this.db.data.remote[remoteKey(job)] = state;
      const grace = this.options.missedGraceMs ?? 5 * 60_000;
      job.missedSchedule = state.status === 'future' && this.now().getTime() >= Date.parse(job.publishAt!) + grace;
      if (state.status === 'publish') await this.wentOut(job);
      // Nothing left to watch once it is out, or taken off the schedule on the site itself.
      if (state.status !== 'future') job.publishAt = null;
    } catch (error) {
      this.options.log.warn(`outbox: could not read back story ${job.storyId} from ${job.target}`, DeliveryFailure.from(error).message);
    }
    job.checkedAt = this.now().toISOString();
    job.updatedAt = job.checkedAt;
    await this.persist();
  }

  private async wentOut(job: Job): Promise<void> {
    await this.options.onPublished?.(job.storyId).catch((error: unknown) => this.options.log.warn(`outbox: story ${job.storyId} went out but could not be marked published`, error));
  }

  private job(jobId: string): Job {
    const job = this.db.data.jobs.find((candidate) => candidate.jobId === jobId);
    if (!job) throw new DatelineError('not_found', `no outbox job ${jobId}`);
    return job;
  }

  private remoteOf(job: Job): RemoteState {
    return this.db.data.remote[remoteKey(job)] ?? emptyRemoteState();
  }

  private item(job: Job): OutboxItem {
    const remote = this.db.data.remote[remoteKey(job)];
    const { jobId, storyId, target, action, state, attempts, error, headline, storyRevision, createdAt, updatedAt, nextAttemptAt, missedSchedule, holds } = job;
    return {
      jobId,
      storyId,
      target,
      action,
      state,
      attempts,
      error,
      headline,
      storyRevision,
      createdAt,
      updatedAt,
      nextAttemptAt: state === 'queued' ? nextAttemptAt : null,
      missedSchedule,
      holds: state === 'held' ? holds : [],
      remote: remote?.url ? { ...(remote.postId !== undefined ? { postId: remote.postId } : {}), url: remote.url, status: remote.status, dateGmt: remote.dateGmt } : null,
    };
  }

  private persist(): Promise<void> {
    return this.finished ? Promise.resolve() : this.writer.request();
  }
}

const remoteKey = (job: Pick<Job, 'target' | 'storyId'>) => `${job.target}:${job.storyId}`;
