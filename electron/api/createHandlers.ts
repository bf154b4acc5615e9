import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Services } from '../services/createServices';

/** One handler per contract method, taking the already validated input. */
export type Handlers = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** The handler table that both IPC and the web host run. */
export function createHandlers({ stories, settings, dataDir }: Services): Handlers {
  return {
    'stories.list': (input) => stories.list(input),
    'stories.get': ({ id }) => stories.get(id),
    'stories.create': (input) => stories.create(input),
    'stories.update': ({ id, baseRevision, changes }) => stories.update(id, baseRevision, changes),
    'stories.trash': ({ id }) => stories.trash(id),
    'stories.restore': ({ id }) => stories.restore(id),
    'library.status': () => ({ dataDir, quarantined: stories.problems() }),
    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),
  };
}
