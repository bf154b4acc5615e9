import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../tests/support/quietLogger';
import type { Handlers } from './createHandlers';
import { dispatch, outputsChecked } from './dispatch';

// A handler answering outside its contract: settings.get without most of the settings, and a language no one speaks.
const drifted = { 'settings.get': () => ({ language: 'fr' }) } as unknown as Handlers;

describe('checking answers against the contract', () => {
  it('fails loudly when an answer does not match its output schema', async () => {
    const log = recordingLogger();
    const result = await dispatch(drifted, 'settings.get', {}, log, { checkOutputs: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('settings.get answered outside its contract') } });
    expect(log.lines).toEqual([expect.stringMatching(/^error settings\.get answered outside its contract/)]);
  });

  it('is on by default in tests, and passes the answer on as the service gave it', async () => {
    const log = recordingLogger();
    expect(await dispatch(drifted, 'settings.get', {}, log)).toMatchObject({ ok: false, error: { code: 'internal' } });
    const extra = { 'library.dismiss': () => ({ quarantined: [], note: 'kept' }) } as unknown as Handlers;
    expect(await dispatch(extra, 'library.dismiss', {}, log)).toEqual({ ok: true, value: { quarantined: [], note: 'kept' } });
  });

  it('is skipped where it is switched off, as in a production build', async () => {
    expect(await dispatch(drifted, 'settings.get', {}, recordingLogger(), { checkOutputs: false })).toEqual({ ok: true, value: { language: 'fr' } });
    expect(outputsChecked({ NODE_ENV: 'production' })).toBe(false);
    expect(outputsChecked({ NODE_ENV: 'production', DATELINE_CHECK_OUTPUTS: '1' })).toBe(true);
    expect(outputsChecked({ NODE_ENV: 'development' })).toBe(true);
    expect(outputsChecked({})).toBe(true);
    expect(outputsChecked({ DATELINE_CHECK_OUTPUTS: '0' })).toBe(false);
  });
});
