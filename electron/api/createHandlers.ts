import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Services } from '../services/createServices';

/** One handler per contract method, taking the already validated input. */
export type Handlers = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/**
 * The handler table that both IPC and the web host run: each contract method bound to one call of a service of
 * the library open now. No merging, checking or deciding here; that is the services' work, where their tests
 * see it. Wire encodings (base64 files) are turned into what the services take, and back.
 */
export function createHandlers(services: Services): Handlers {
  // `services` reads each service from the open library at the moment of the call (see createServices), so a
  // table made once serves the library a backup restore opens as well.
  const s = services;
  const bound: Handlers = {
    'stories.list': (input) => s.stories.list(input),
    'stories.get': ({ id }) => s.stories.get(id),
    'stories.search': (input) => s.finder.find(input),
    'stories.create': (input) => s.stories.create(input),
    'stories.update': ({ id, baseRevision, changes }) => s.stories.update(id, baseRevision, changes),
    'stories.trash': ({ id }) => s.stories.trash(id),
    'stories.restore': ({ id }) => s.stories.restore(id),
    'stories.export': async ({ id, format }) => asPayload(await (await s.exporter()).export(id, format)),
    'stories.importDocx': async ({ fileName, dataBase64 }) => (await s.importer()).importDocx(fileName, Buffer.from(dataBase64, 'base64')),
    'stories.importHtml': async ({ fileName, dataBase64 }) => (await s.importer()).importHtml(fileName, Buffer.from(dataBase64, 'base64')),
    'stories.transition': ({ id, to, acceptWarnings, publishAt }) => s.desk.transition(id, to, { acceptWarnings, publishAt }),
    'stories.checklist': ({ id, to, publishAt }) => s.desk.checklist(id, to, publishAt),
    'stories.holds': ({ id }) => s.desk.holds(id),
    'stories.calendar': (range) => s.desk.calendar(range),
    'media.import': ({ fileName, dataBase64 }) => s.media.import(fileName, Buffer.from(dataBase64, 'base64')),
    'media.list': (input) => ({ items: s.media.listWithUsage(input) }),
    'media.remove': async ({ id }) => {
      await s.media.remove(id);
      return { removed: true as const };
    },
    'media.restore': ({ id }) => s.media.restore(id),
    'library.status': () => s.status.read(),
    'library.dismiss': ({ ids }) => s.status.dismiss(ids),
    'history.list': async ({ id }) => ({ items: await s.history.versionsOf(id) }),
    'history.get': ({ id, versionId }) => s.history.get(id, versionId),
    'history.restore': ({ id, versionId }) => s.history.restore(id, versionId),
    'history.keep': ({ id, reason }) => s.history.keepCurrent(id, reason ?? 'manual'),
    // Called once a second while the reporter types: the id is checked in memory, the story file is not read.
    'recovery.save': ({ id, baseRevision, changes }) => s.recovery.save(id, { baseRevision, changes }),
    'recovery.get': async ({ id }) => ({ entry: await s.recovery.get(id) }),
    'recovery.discard': async ({ id }) => {
      await s.recovery.discard(id);
      return { discarded: true as const };
    },
    'outbox.list': () => s.outbox.view(),
    'outbox.flush': () => s.outbox.flush(),
    'outbox.push': ({ storyId }) => s.outbox.push(storyId),
    'outbox.retry': ({ jobId }) => s.outbox.retry(jobId),
    'outbox.cancel': ({ jobId }) => s.outbox.cancel(jobId),
    'outbox.publishNow': ({ jobId }) => s.outbox.publishNow(jobId),
    'publishing.status': () => s.publishing.status(),
    'publishing.setPassword': ({ password }) => s.publishing.setPassword(password),
    'publishing.test': ({ target }) => s.publishing.test(target),
    'settings.get': () => s.settings.get(),
    'settings.update': (input) => s.settings.update(input),
    'backup.list': () => s.backup.list(),
    'backup.create': () => s.backup.create(),
    // Replaces the library under the running app (Library.replace); this table then serves the restored one.
    'backup.restore': ({ fileName }) => s.backup.restore(fileName),
  };
  return counted(services, bound);
}

/**
 * Every call runs through the library's count (Library.run), so a restore can stop new calls and wait for those
 * under way. Backup calls queue among themselves in LibraryBackup, and a restore must not wait for itself.
 */
function counted(services: Services, bound: Handlers): Handlers {
  const table = {} as Record<string, (input: unknown) => unknown>;
  for (const [method, run] of Object.entries(bound) as [string, (input: unknown) => unknown][]) {
    table[method] = method.startsWith('backup.') ? run : (input: unknown) => services.library.run(() => run(input));
  }
  return table as Handlers;
}

/** A file as the contract carries it: its bytes as base64. */
function asPayload(file: { fileName: string; mimeType: string; bytes: Buffer }): MethodOutput<'stories.export'> {
  return { fileName: file.fileName, mimeType: file.mimeType, dataBase64: file.bytes.toString('base64') };
}
