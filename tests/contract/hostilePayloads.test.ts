import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxPayloadDepth } from '../../shared/api/payloadLimits';
import { maxDocumentDepth } from '../../shared/story/documentLimits';
import { makeTempDir } from '../support/tempDir';
import { nestedArrayJson, nestedBody, nestedBodyJson, nestedObjectJson } from '../support/nestedDocument';
import { httpTransport, inProcessTransport, type CallApi, type Transport } from '../support/transports';

// Input the API would accept but could not read back, and payloads that try to be more than data: each is
// refused at the boundary as invalid_input (400 over HTTP), never saved and never answered with a 500.

/** Sends JSON text as it is: over HTTP as the request body, in-process as JSON.parse makes it (own `__proto__` keys included). */
type CallJson = (method: string, json: string) => ReturnType<CallApi>;

for (const [name, open] of [
  ['in-process', async (dir: string) => {
    const transport = await inProcessTransport(dir);
    const callJson: CallJson = (method, json) => transport.call(method, JSON.parse(json));
    return { transport, callJson };
  }],
  ['HTTP web host', async (dir: string) => {
    const transport = await httpTransport(dir);
    const callJson: CallJson = async (method, json) => {
      const response = await fetch(`http://127.0.0.1:${transport.host.port}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer test-token' },
        body: json,
      });
      const payload = (await response.json()) as { error?: { code: string; message: string } };
      return response.ok ? { ok: true as const, value: payload, status: response.status } : { ok: false as const, error: payload.error as never, status: response.status };
    };
    return { transport, callJson };
  }],
] as const) {
  describe(`hostile payloads over ${name}`, () => {
    let transport: Transport;
    let callJson: CallJson;
    let dir: string;
    let remove: () => Promise<void>;

    beforeEach(async () => {
      ({ dir, remove } = await makeTempDir());
      ({ transport, callJson } = await open(dir));
    });
    afterEach(async () => {
      await transport.close();
      await remove();
    });

    const ok = async (method: string, input: unknown) => {
      const result = await transport.call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return result.value as Record<string, unknown> & { id: string; revision: number };
    };
    const refused = (result: Awaited<ReturnType<CallApi>>, what: string) => {
      expect(result, what).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (result.status !== undefined) expect(result.status, what).toBe(400);
    };
    const storyCount = async () => ((await ok('stories.list', {})).items as unknown[]).length;

    it('refuses a body of 1,000 nested blockquotes to stories.create and stories.update, and saves nothing', async () => {
      const before = await storyCount();
      const deep = nestedBodyJson(1_000);
      refused(await callJson('stories.create', `{"headline":"Sâu","body":${deep}}`), 'create');
      expect(await storyCount()).toBe(before);

      const story = await ok('stories.create', { headline: 'Nông' });
      refused(await callJson('stories.update', `{"id":"${story.id}","baseRevision":1,"changes":{"body":${deep}}}`), 'update');
      refused(await callJson('recovery.save', `{"id":"${story.id}","baseRevision":1,"changes":{"body":${deep}}}`), 'recovery.save');
      expect(await ok('stories.get', { id: story.id })).toMatchObject({ revision: 1, headline: 'Nông' });
    });

    it(`takes a body exactly ${maxDocumentDepth} levels deep, and reads, searches and exports it back; one more is refused`, async () => {
      refused(await transport.call('stories.create', { headline: 'Quá sâu', body: nestedBody(maxDocumentDepth + 1) }), 'one level past the limit');
      const story = await ok('stories.create', { headline: 'Trích dẫn lồng nhau', body: nestedBody(maxDocumentDepth, 'Lời kể tận cùng') });
      expect((await ok('stories.get', { id: story.id })).body).toEqual(nestedBody(maxDocumentDepth, 'Lời kể tận cùng'));
      const updated = await ok('stories.update', { id: story.id, baseRevision: 1, changes: { body: nestedBody(maxDocumentDepth, 'Lời kể mới') } });
      expect(updated.revision).toBe(2);
      const found = (await ok('stories.search', { query: 'loi ke moi' })).items as { id: string }[];
      expect(found.map((item) => item.id)).toContain(story.id);
      for (const format of ['ninjs', 'ninjsBundle', 'html', 'docx']) {
        const file = (await ok('stories.export', { id: story.id, format })) as unknown as { dataBase64: string };
        expect(file.dataBase64.length, format).toBeGreaterThan(100);
      }
      const html = Buffer.from(((await ok('stories.export', { id: story.id, format: 'html' })) as unknown as { dataBase64: string }).dataBase64, 'base64').toString('utf8');
      expect(html).toContain('Lời kể mới');
      expect(html.split('<blockquote>').length - 1).toBe(maxDocumentDepth - 3);
    });

    it('refuses a Word or HTML file whose story would nest deeper than the limit, naming the file', async () => {
      const before = await storyCount();
      const html = `<html><body><h1>Tít</h1>${'<blockquote>'.repeat(100)}<p>Sâu</p>${'</blockquote>'.repeat(100)}</body></html>`;
      const result = await transport.call('stories.importHtml', { fileName: 'sau.html', dataBase64: Buffer.from(html).toString('base64') });
      refused(result, 'importHtml');
      expect(result).toMatchObject({ error: { message: expect.stringContaining('sau.html'), details: { fileName: 'sau.html' } } });
      expect(await storyCount()).toBe(before);
    });

    it(`answers payloads nested 10,000 levels deep with invalid_input for every kind of method`, async () => {
      const deep = nestedObjectJson(10_000);
      const payloads: [string, string][] = [
        ['stories.create', `{"headline":"x","body":${nestedBodyJson(10_000)}}`],
        ['stories.create', `{"headline":${deep}}`],
        ['stories.update', `{"id":"aaaaaaaa","baseRevision":1,"changes":{"body":${nestedBodyJson(10_000)}}}`],
        ['stories.search', `{"query":"a","filters":${deep}}`],
        ['stories.list', `{"cursor":${deep}}`],
        ['settings.update', `{"categories":${nestedArrayJson(10_000)}}`],
        ['media.list', deep],
        ['library.status', nestedArrayJson(10_000)],
        ['recovery.save', `{"id":"aaaaaaaa","baseRevision":1,"changes":{"body":${nestedBodyJson(10_000)}}}`],
      ];
      for (const [method, json] of payloads) refused(await callJson(method, json), `${method} ${json.slice(0, 40)}`);
      // The limit is on nesting, not on size: a payload just inside it reaches the contract's own checks.
      refused(await callJson('media.list', nestedObjectJson(maxPayloadDepth)), 'at the limit: media.list has no field "a"');
      expect((await transport.call('stories.list', {})).ok).toBe(true);
    });

    it('takes no "__proto__", "constructor" or "prototype" key as fields, anywhere in a payload', async () => {
      const settingsBefore = await ok('settings.get', {});
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        refused(await callJson('settings.update', `{"${key}":{"backupFolder":"/tmp/x","language":"en"}}`), `settings.update ${key}`);
        refused(await callJson('settings.update', `{"language":"en","${key}":{"backupFolder":"/tmp/x"}}`), `settings.update ${key} beside a real field`);
        refused(await callJson('stories.create', `{"${key}":{"headline":"x"}}`), `stories.create ${key}`);
        refused(await callJson('stories.create', `{"headline":"y","body":{"type":"doc","content":[{"type":"figure","attrs":{"${key}":{"mediaId":"x"}}}]}}`), `attrs ${key}`);
        refused(await callJson('stories.search', `{"query":"a","filters":{"${key}":{"trashed":true}}}`), `stories.search ${key}`);
      }
      expect(await ok('settings.get', {})).toEqual(settingsBefore);
      expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8').catch(() => '{}'))).not.toMatchObject({ backupFolder: '/tmp/x' });
      const headlines = ((await ok('stories.list', {})).items as { headline: string }[]).map((item) => item.headline);
      expect(headlines).not.toContain('x');
      expect(headlines).not.toContain('y');
      expect(({} as Record<string, unknown>).backupFolder).toBeUndefined();
      expect(({} as Record<string, unknown>).headline).toBeUndefined();
    });
  });
}
