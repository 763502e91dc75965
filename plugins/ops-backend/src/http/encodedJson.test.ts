import express from 'express';
import request from 'supertest';
import { gunzipSync } from 'node:zlib';
import { EncodedJsonCache, sendEncodedJson } from './encodedJson';

describe('EncodedJsonCache', () => {
  it('serializes, gzips and tags a value once while it lives', async () => {
    const cache = new EncodedJsonCache();
    const summary = { targets: [{ entityRef: 'component:default/a' }] };
    const json = await cache.encode(summary);
    expect(JSON.parse(json.body.toString('utf8')).targets).toHaveLength(1);
    expect(gunzipSync(json.gzip).equals(json.body)).toBe(true);
    expect(json.etag).toMatch(/^".+"$/);
    expect(await cache.encode(summary)).toBe(json);
    const changed = await cache.encode({ targets: [] });
    expect(changed.etag).not.toBe(json.etag);
  });
});

describe('sendEncodedJson', () => {
  const cache = new EncodedJsonCache();
  const value = { targets: ['a', 'b'] };
  const app = express().get('/', async (req, res) =>
    sendEncodedJson(req, res, await cache.encode(value)),
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
