import express from 'express';
import request from 'supertest';
import { gunzipSync } from 'node:zlib';
import { encodeJson, SharedEncodedJson, sendEncodedJson } from './encodedJson';

describe('SharedEncodedJson', () => {
  it('serializes, gzips and tags a value once per version', async () => {
    const shared = new SharedEncodedJson();
    const load = jest
      .fn()
      .mockResolvedValueOnce({
        targets: [{ entityRef: 'component:default/a' }],
      })
      .mockResolvedValueOnce({ targets: [] });
    const [json, same] = await Promise.all([
      shared.get(1, load),
      shared.get(1, load),
    ]);
    expect(same).toBe(json);
    expect(load).toHaveBeenCalledTimes(1);
    expect(JSON.parse(json.body.toString('utf8')).targets).toHaveLength(1);
    expect(gunzipSync(json.gzip).equals(json.body)).toBe(true);
    expect(json.etag).toMatch(/^".+"$/);
    const changed = await shared.get(2, load);
    expect(changed.etag).not.toBe(json.etag);
  });

  it('loads again after a failed load', async () => {
    const shared = new SharedEncodedJson();
    await expect(
      shared.get(1, () => Promise.reject(new Error('store gone'))),
    ).rejects.toThrow('store gone');
    expect((await shared.get(1, async () => ({ ok: true }))).etag).toBeTruthy();
  });
});

describe('sendEncodedJson', () => {
  const value = { targets: ['a', 'b'] };
  const encoded = encodeJson(value);
  const app = express().get('/', async (req, res) =>
    sendEncodedJson(req, res, await encoded),
  );

  it('answers 304 to a matching If-None-Match, gzip only to clients that prefer it', async () => {
    const first = await request(app).get('/').set('accept-encoding', 'gzip');
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers.vary).toBe('Accept-Encoding');
    expect(first.body).toEqual(value);
    const again = await request(app)
      .get('/')
      .set('if-none-match', `W/"other", ${first.headers.etag}`);
    expect(again.status).toBe(304);
    // fetch sends Cache-Control: no-cache with every If-None-Match
    const fromFetch = await request(app)
      .get('/')
      .set('cache-control', 'no-cache')
      .set('if-none-match', first.headers.etag);
    expect(fromFetch.status).toBe(304);
    const plain = await request(app)
      .get('/')
      .set('accept-encoding', 'gzip;q=0.1, identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(value);
  });
});
