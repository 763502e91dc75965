import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { checkTimeoutMs, fetchWithTimeout } from './fetchWithTimeout';

describe('fetchWithTimeout', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // answers /slow never and everything else at once
    server = createServer((req, res) => {
      if (req.url !== '/slow') res.end('ok');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  it('returns the answer, whatever its status', async () => {
    const res = await fetchWithTimeout(`${base}/`, {
      description: 'Test get',
      timeoutMs: 1000,
    });
    expect(await res.text()).toBe('ok');
  });

  it('names the request and the timeout when it times out', async () => {
    await expect(
      fetchWithTimeout(`${base}/slow`, {
        description: 'Test get',
        timeoutMs: 50,
      }),
    ).rejects.toThrow('Test get failed: timed out after 50 ms');
  });

  it('says aborted when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchWithTimeout(`${base}/slow`, {
      description: 'Test get',
      timeoutMs: 5000,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow('Test get failed: aborted');
  });

  it('gives the network error code, not the client internals', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise(resolve => closed.close(resolve));
    const error = await fetchWithTimeout(`http://127.0.0.1:${port}/`, {
      description: 'Test get',
      timeoutMs: 1000,
    }).catch(e => e);
    expect(error.message).toBe('Test get failed: ECONNREFUSED');
    expect(error.cause).toBeDefined();
  });

  it('checks timeouts', () => {
    expect(checkTimeoutMs('Test', 10)).toBe(10);
    expect(() => checkTimeoutMs('Test', 0)).toThrow(
      'Test timeoutMs must be a positive number, got 0',
    );
  });
});
