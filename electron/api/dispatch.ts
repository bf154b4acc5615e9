import { z } from 'zod';
import { contract, isMethodName } from '../../shared/api/contract';
import { DatelineError, type ApiResult } from '../../shared/api/DatelineError';
import { payloadProblem } from '../../shared/api/payloadLimits';
import { nfcDeep } from '../../shared/text/normalizeText';
import type { Logger } from '../log/Logger';
import { storageError } from '../store/storageError';

import type { Handlers } from './createHandlers';

const diskRefusals = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);

export interface DispatchOptions {
  /**
   * Parse every answer with its method's output schema, and turn one that does not match into a loud `internal`
   * error (logged as one). On in tests and development; a production build skips the cost. @default outputsChecked(process.env)
   */
  checkOutputs?: boolean;
}

/**
 * Whether answers are checked against the contract: DATELINE_CHECK_OUTPUTS=1 or 0 says so; otherwise everywhere
 * but a production build (NODE_ENV=production; the packaged desktop app says so itself, see shell/main.ts).
 */
export function outputsChecked(env: Record<string, string | undefined>): boolean {
  if (env.DATELINE_CHECK_OUTPUTS === '1') return true;
  if (env.DATELINE_CHECK_OUTPUTS === '0') return false;
  return env.NODE_ENV !== 'production';
}

const checkedByDefault = outputsChecked(process.env);

/**
 * Runs one API call for any transport: refuses a payload nested too deep or holding a prototype key, NFC-normalises
 * it, validates it against the contract, runs the handler and turns every failure into an error payload. Nothing
 * unvalidated reaches a handler; in tests and development nothing unchecked leaves one either (checkOutputs).
 */
export async function dispatch(handlers: Handlers, method: string, payload: unknown, log: Logger, { checkOutputs = checkedByDefault }: DispatchOptions = {}): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'not_found', message: `there is no API method "${method}"` } };
  }
  // Before anything that walks the payload recursively (the NFC pass, zod): see payloadLimits.
  const problem = payloadProblem(payload ?? {});
  if (problem) {
    const message = `invalid input for ${method}: the payload ${problem.message}`;
    log.warn(message);
    return { ok: false, error: { code: 'invalid_input', message, details: { reason: problem.reason } } };
  }
  const parsed = contract[method].input.safeParse(nfcDeep(payload ?? {}));
  if (!parsed.success) {
    const message = `invalid input for ${method}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`;
    log.warn(message);
    return { ok: false, error: { code: 'invalid_input', message, details: parsed.error.issues } };
  }
  try {
    const run = handlers[method] as (input: unknown) => unknown;
    const value = await run(parsed.data);
    if (checkOutputs) {
      const checked = contract[method].output.safeParse(value);
      if (!checked.success) {
        // A service answering outside the contract is a bug: said loudly, never passed on for the renderer to trip over.
        const message = `${method} answered outside its contract: ${z.prettifyError(checked.error).replace(/\n/g, ' ')}`;
        log.error(message);
        return { ok: false, error: { code: 'internal', message, details: checked.error.issues } };
      }
    }
    // The answer as the service gave it: the check only reads it, so a build without it answers the same.
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DatelineError) {
      if (error.code !== 'not_found' && error.code !== 'conflict') log.warn(`${method} failed: ${error.message}`);
      return { ok: false, error: error.toPayload() };
    }
    // A disk's refusal that a service let through is still the disk's: the reporter is told which, not "internal".
    if (diskRefusals.has((error as NodeJS.ErrnoException | undefined)?.code ?? '')) {
      log.warn(`${method} failed on the disk: ${(error as Error).message}`);
      return { ok: false, error: storageError(error, `${method} could not write`).toPayload() };
    }
    log.error(`${method} failed unexpectedly`, error);
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${(error as Error).message}` } };
  }
}
