import { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { TestApiProvider } from '@backstage/test-utils';
import { LogTailPage } from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { makeFakeOpsApi } from '../../__testUtils__/fixtures';
import { makeLogRecord, pendingTail } from '../../__testUtils__/logFixtures';
import { useLogTail } from './useLogTail';

type TailOptions = { signal?: AbortSignal };

describe('useLogTail', () => {
  it('resumes from its cursor after a pause or being switched off, and starts over from a new start', async () => {
    const answers: LogTailPage[] = [
      {
        records: [
          makeLogRecord({ id: 'a1', body: 'older' }),
          makeLogRecord({ id: 'a2', body: 'newer' }),
        ],
        cursor: 'a2',
        sources: [
          { id: 'builtin', status: 'ok' },
          { id: 'loki', status: 'degraded', error: 'timed out' },
        ],
      },
    ];
    const opsApi = makeFakeOpsApi({
      tailLogs: jest.fn(async (options: TailOptions) =>
        answers.length > 0 ? answers.shift()! : pendingTail(options),
      ),
    });
    const onRecords = jest.fn();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[opsApiRef, opsApi]]}>{children}</TestApiProvider>
    );
    const { result, rerender, unmount } = renderHook(
      (props: { enabled: boolean; paused: boolean; start?: string }) =>
        useLogTail({
          enabled: props.enabled,
          paused: props.paused,
          query: 'tenant:acme',
          startCursor: props.start,
          onRecords,
        }),
      {
        wrapper,
        initialProps: {
          enabled: true,
          paused: false,
          start: 'r3' as string | undefined,
        },
      },
    );
    const calls = () =>
      opsApi.tailLogs.mock.calls.map(([options]) => options.after);

    await waitFor(() => expect(calls()).toEqual(['r3', 'a2']));
    // how the sources answered the tail
    expect(result.current.sources).toEqual([
      { id: 'builtin', status: 'ok' },
      { id: 'loki', status: 'degraded', error: 'timed out' },
    ]);
    // handed over newest first
    expect(onRecords).toHaveBeenCalledWith([
      expect.objectContaining({ id: 'a2' }),
      expect.objectContaining({ id: 'a1' }),
    ]);

    // the tab is hidden: the open request is dropped; shown again: same cursor
    rerender({ enabled: true, paused: true, start: 'r3' });
    await waitFor(() =>
      expect(opsApi.tailLogs.mock.calls[1][0].signal?.aborted).toBe(true),
    );
    rerender({ enabled: true, paused: false, start: 'r3' });
    await waitFor(() => expect(calls()).toEqual(['r3', 'a2', 'a2']));

    // a new search answered: on from where it ended
    answers.push({
      records: [makeLogRecord({ id: 'b1', body: 'after the new search' })],
      cursor: 'b1',
      sources: [],
    });
    rerender({ enabled: true, paused: false, start: 'n1' });
    await waitFor(() =>
      expect(calls()).toEqual(['r3', 'a2', 'a2', 'n1', 'b1']),
    );
    expect(opsApi.tailLogs.mock.calls[2][0].signal?.aborted).toBe(true);
    // the next search runs (no start yet): the tail goes on from its cursor
    rerender({ enabled: true, paused: false, start: undefined });
    await waitFor(() =>
      expect(calls()).toEqual(['r3', 'a2', 'a2', 'n1', 'b1', 'b1']),
    );

    // switched off and on: on from where it stopped, so what came meanwhile comes too
    rerender({ enabled: false, paused: false, start: undefined });
    expect(result.current.sources).toEqual([]);
    rerender({ enabled: true, paused: false, start: undefined });
    await waitFor(() =>
      expect(calls()).toEqual(['r3', 'a2', 'a2', 'n1', 'b1', 'b1', 'b1']),
    );
    unmount();
    expect(opsApi.tailLogs.mock.calls[6][0].signal?.aborted).toBe(true);
  });

  /** The 400 the backend answers for a cursor it does not take. */
  function badRequest(message: string) {
    return ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'InputError', message },
          request: { method: 'GET', url: '/api/ops/logs/tail' },
          response: { statusCode: 400 },
        }),
        { status: 400, headers: { 'Content-Type': 'application/json' } },
      ),
    );
  }

  function renderTail(tailLogs: jest.Mock, startCursor?: string) {
    const opsApi = makeFakeOpsApi({ tailLogs });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[opsApiRef, opsApi]]}>{children}</TestApiProvider>
    );
    return renderHook(
      () =>
        useLogTail({
          enabled: true,
          query: 'tenant:acme',
          startCursor,
          onRecords: jest.fn(),
        }),
      { wrapper },
    );
  }

  it('drops a cursor the backend refuses and starts over from now, saying so', async () => {
    const refused = await badRequest('invalid Loki log cursor');
    const tailLogs = jest.fn(
      async (options: TailOptions & { after?: string }) => {
        if (options.after === 'old') throw refused;
        if (options.after === undefined) {
          return { records: [], cursor: 'now1', sources: [] };
        }
        return pendingTail(options);
      },
    );
    const { result, unmount } = renderTail(tailLogs, 'old');
    await waitFor(() =>
      expect(tailLogs.mock.calls.map(([o]) => o.after)).toEqual([
        'old',
        undefined,
        'now1',
      ]),
    );
    expect(result.current.error).toBeUndefined();
    expect(result.current.notice).toMatch(
      /could not go on from where it was \(invalid Loki log cursor\), so it started again from now/,
    );
    unmount();
  });

  it('keeps its cursor when a 400 is about something else than the cursor', async () => {
    const refused = await badRequest('q: unknown field "colour"');
    const tailLogs = jest.fn(
      async (_options: TailOptions & { after?: string }) => {
        throw refused;
      },
    );
    const { result, unmount } = renderTail(tailLogs, 'old');
    await waitFor(() => expect(result.current.error).toBe(refused));
    expect(result.current.notice).toBeUndefined();
    expect(tailLogs.mock.calls.map(([o]) => o.after)).toEqual(['old']);
    unmount();
  });

  it('takes a 400 without a cursor as an error, retried after a pause', async () => {
    const refused = await badRequest('query is too long');
    const tailLogs = jest.fn(async () => {
      throw refused;
    });
    const { result, unmount } = renderTail(tailLogs, undefined);
    await waitFor(() => expect(result.current.error).toBe(refused));
    expect(result.current.notice).toBeUndefined();
    // waits before the next attempt instead of asking again at once
    expect(tailLogs).toHaveBeenCalledTimes(1);
    unmount();
  });
});
