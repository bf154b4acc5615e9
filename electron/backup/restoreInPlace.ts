import { DatelineError } from '../../shared/api/DatelineError';
import type { Handlers } from '../api/createHandlers';
import type { Services } from '../services/createServices';
import type { RestoreResult } from './LibraryBackup';

interface CallState {
  active: number;
  paused: boolean;
  idle: (() => void)[];
}

const states = new WeakMap<object, CallState>();
/**
 * The table the transports hold, for each table built since: a restore runs from the handlers of the last one,
 * whose own table object no transport calls, so the next restore (an undo of the last) must pause and refill
 * the live one, or the library stays paused after it.
 */
const liveTables = new WeakMap<object, Handlers>();

/** Backup calls queue among themselves in LibraryBackup, and a restore must not wait for itself. */
const uncounted = (method: string) => method.startsWith('backup.');

/**
 * Wraps every handler of the table, in place, so that a restore can stop new calls and wait for those under
 * way (a save half-written into the old folder would land in the restored one after the swap). Returns the
 * same table.
 */
export function trackCalls(handlers: Handlers): Handlers {
  const state: CallState = { active: 0, paused: false, idle: [] };
  const table = handlers as unknown as Record<string, (input: unknown) => unknown>;
  for (const [method, run] of Object.entries(table)) {
    if (uncounted(method)) continue;
    table[method] = async (input: unknown) => {
      if (state.paused) throw new DatelineError('unavailable', 'the library is being restored from a backup; try again in a moment');
      state.active += 1;
      try {
        return await run(input);
      } finally {
        state.active -= 1;
        if (state.active === 0) for (const resolve of state.idle.splice(0)) resolve();
      }
    };
  }
  states.set(handlers, state);
  return handlers;
}

/**
 * `backup.restore` for a live handler table: the transports (IPC, the web host) keep the table object and look
 * each method up per call, so after the services reopen on the restored library (see createServices) the
 * table is refilled, in place, with handlers bound to them.
 */
export async function restoreInPlace(services: Services, handlers: Handlers, fileName: string, rebuild: (services: Services) => Handlers): Promise<RestoreResult> {
  const live = liveTables.get(handlers) ?? handlers;
  const state = states.get(live);
  try {
    return await services.backup.restore(fileName, async () => {
      if (!state) return;
      state.paused = true;
      if (state.active > 0) await new Promise<void>((resolve) => state.idle.push(resolve));
    });
  } finally {
    if (state?.paused) {
      const fresh = rebuild(services);
      Object.assign(live, fresh);
      states.set(live, states.get(fresh)!);
      liveTables.set(fresh, live);
    }
  }
}
