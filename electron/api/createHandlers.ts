import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../shared/api/contract';
import { DatelineError } from '../../shared/api/DatelineError';
import type { PublishingStatus } from '../../shared/publish/outboxSchema';
import { storiesInRange } from '../../shared/schedule/storiesInRange';
import { countStoryWords } from '../../shared/text/countStoryWords';
import { checklistFor, deliveryHolds } from '../../shared/workflow/prePublishChecklist';
import { restoreInPlace, trackCalls } from '../backup/restoreInPlace';
import { DeliveryFailure } from '../publish/DeliveryFailure';
import { StorySearch } from '../search/StorySearch';
import { checklistContext, transitionStory } from '../workflow/storyWorkflow';
import type { Services } from '../services/createServices';

/** One handler per contract method, taking the already validated input. */
export type Handlers = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** The handler table that both IPC and the web host run. */
export function createHandlers(services: Services): Handlers {
  const { stories, settings, media, search, history, searchReady, dataDir, backup } = services;
  // The Word and HTML libraries (mammoth, docx, linkedom) took half a second of every start: loaded when first used.
  const importer = once(async () => new (await import('../import/StoryImporter')).StoryImporter({ stories, media, log: services.log }));
  const exporter = once(async () => new (await import('../export/StoryExporter')).StoryExporter({ stories, media, log: services.log, timeZone: () => settings.get().timeZone, sitePhotoUrls: (id) => services.outbox.sitePhotoUrls(id) }));
  const handlers: Handlers = {
    'stories.list': (input) => stories.list(input),
    'stories.get': ({ id }) => stories.get(id),
    'stories.search': async ({ query, filters = {}, sort, limit = 100 }) => {
      const passes = StorySearch.filterTest(filters);
      const order = sort ?? (query.trim() ? 'relevance' : 'updated');
      if (!query.trim()) {
        const rows = StorySearch.sortSummaries(stories.summaries().filter(passes), order === 'headline' ? 'headline' : 'updated');
        return { total: rows.length, items: rows.slice(0, limit).map((summary) => ({ ...summary, score: 0, highlights: [] })) };
      }
      await searchReady;
      const accept = (id: string) => {
        const summary = stories.summary(id);
        return summary !== undefined && passes(summary);
      };
      // By relevance only the best `limit` are needed; another order needs every hit before it can cut.
      const { hits, total, fallback } = search.search(query, { accept, limit: order === 'relevance' ? limit : Infinity });
      const rows = hits.map((hit) => ({ ...stories.summary(hit.id)!, score: hit.score }));
      if (order !== 'relevance') StorySearch.sortSummaries(rows, order);
      return {
        total,
        // Highlights only for the rows returned: tokenising every hit's headline cost more than the search.
        items: rows.slice(0, limit).map((row) => ({ ...row, highlights: StorySearch.highlights(row.headline, query, fallback) })),
        ...(fallback ? { fallback } : {}),
      };
    },
    'stories.create': (input) => stories.create(input),
    'stories.update': ({ id, baseRevision, changes }) => stories.update(id, baseRevision, changes),
    'stories.trash': ({ id }) => stories.trash(id),
    'stories.restore': ({ id }) => stories.restore(id),
    'stories.export': async ({ id, format }) => {
      const file = await (await exporter()).export(id, format);
      return { fileName: file.fileName, mimeType: file.mimeType, dataBase64: file.bytes.toString('base64') };
    },
    'stories.importDocx': async ({ fileName, dataBase64 }) => (await importer()).importDocx(fileName, Buffer.from(dataBase64, 'base64')),
    'stories.importHtml': async ({ fileName, dataBase64 }) => (await importer()).importHtml(fileName, Buffer.from(dataBase64, 'base64')),
    'stories.transition': ({ id, to, acceptWarnings, publishAt }) => transitionStory(stories, settings.get(), id, to, { acceptWarnings, publishAt }),
    'stories.checklist': async ({ id, to, publishAt }) => {
      const story = await stories.get(id);
      const context = { ...checklistContext(stories, settings.get(), id), now: new Date().toISOString(), publishAt, destinations: Object.keys(services.publishTargets()) };
      return { items: checklistFor(story, to, context), words: countStoryWords(story) };
    },
    'stories.holds': async ({ id }) => ({ items: deliveryHolds(await stories.get(id), checklistContext(stories, settings.get(), id)) }),
    'stories.calendar': (range) => ({ items: storiesInRange(stories.summaries(), range, Date.now()) }),
    'media.import': ({ fileName, dataBase64 }) => media.import(fileName, Buffer.from(dataBase64, 'base64')),
    'media.list': ({ query, limit, ids }) => {
      const usage = stories.mediaUsage();
      return { items: media.list({ query, limit, ids }).map((item) => ({ ...item, usedIn: usage.get(item.id) ?? [] })) };
    },
    'media.remove': async ({ id }) => {
      const users = stories.mediaUsage().get(id);
      if (users?.length) throw new DatelineError('in_use', `the photo is still used by ${users.length} ${users.length === 1 ? 'story' : 'stories'}`, { usedIn: users });
      await media.remove(id);
      return { removed: true as const };
    },
    'media.restore': ({ id }) => media.restore(id),
    'library.status': async () => ({ dataDir, readOnly: services.readOnly, quarantined: await services.quarantine.list() }),
    'library.dismiss': async ({ ids }) => {
      await services.quarantine.dismiss(ids);
      return { quarantined: await services.quarantine.list() };
    },
    'history.list': async ({ id }) => {
      stories.requireKnown(id);
      return { items: await history.list(id) };
    },
    'history.get': ({ id, versionId }) => history.get(id, versionId),
    'history.restore': ({ id, versionId }) => history.restore(id, versionId, stories),
    'history.keep': async ({ id, reason }) => history.keep(await stories.get(id), reason ?? 'manual'),
    // Called once a second while the reporter types: the id is checked in memory, the story file is not read.
    'recovery.save': async ({ id, baseRevision, changes }) => {
      stories.requireKnown(id);
      return services.recovery.save(id, { baseRevision, changes });
    },
    'recovery.get': async ({ id }) => ({ entry: await services.recovery.get(id) }),
    'recovery.discard': async ({ id }) => {
      await services.recovery.discard(id);
      return { discarded: true as const };
    },
    'outbox.list': () => ({ items: services.outbox.list(), sent: services.outbox.sent() }),
    'outbox.flush': async () => ({ items: await services.outbox.flush(), sent: services.outbox.sent() }),
    'outbox.push': async ({ storyId }) => ({ items: await services.outbox.push(storyId), sent: services.outbox.sent() }),
    'outbox.retry': async ({ jobId }) => ({ items: await services.outbox.retry(jobId), sent: services.outbox.sent() }),
    'outbox.cancel': async ({ jobId }) => ({ items: await services.outbox.cancel(jobId), sent: services.outbox.sent() }),
    'outbox.publishNow': async ({ jobId }) => ({ items: await services.outbox.publishNow(jobId), sent: services.outbox.sent() }),
    'publishing.status': () => publishingStatus(services),
    'publishing.setPassword': async ({ password }) => {
      await services.credentials.setPassword(password);
      return publishingStatus(services);
    },
    'publishing.test': async ({ target }) => {
      const driver = services.publishTargets({ evenIfDisabled: true })[target];
      if (!driver) return { ok: false, code: 'not_configured', message: `the ${target} target is missing its ${target === 'wordpress' ? 'address, user or password' : 'folder'}` };
      try {
        return { ok: true, message: await driver.test() };
      } catch (error) {
        const failure = DeliveryFailure.from(error);
        services.log.warn(`publishing: the ${target} connection test failed`, failure.message);
        return { ok: false, code: failure.code, message: failure.message };
      }
    },
    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),
    'backup.list': () => backup.list(),
    'backup.create': () => backup.create(),
    // Swaps the data folder under the live services, then refills this very table (see restoreInPlace).
    'backup.restore': ({ fileName }) => restoreInPlace(services, handlers, fileName, createHandlers),
  };
  return trackCalls(handlers);
}

function publishingStatus(services: Services): PublishingStatus {
  const current = services.settings.get();
  const { credentials } = services;
  const targets = services.publishTargets();
  return {
    targets: [
      {
        target: 'wordpress',
        ready: targets.wordpress !== undefined,
        source: credentials.fromEnvironment ? 'environment' : 'settings',
        hasPassword: credentials.hasPassword(),
        passwordStorage: credentials.storage,
        where: credentials.wordpressAccount(current, { evenIfDisabled: true })?.url ?? current.wordpressTarget.url,
      },
      {
        target: 'folder',
        ready: targets.folder !== undefined && current.folderTarget.enabled,
        source: 'settings',
        hasPassword: false,
        passwordStorage: 'session',
        where: current.folderTarget.path,
      },
    ],
  };
}

/** Runs `make` on the first call and hands every call the same result. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}
