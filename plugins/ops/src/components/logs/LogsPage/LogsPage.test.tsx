import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockElementSize } from '../../../__testUtils__/layout';
import {
  logRecords,
  makeLogRecord,
  pendingTail,
} from '../../../__testUtils__/logFixtures';
import { renderLogs } from '../../../__testUtils__/renderLogs';
import { LogsPage } from './LogsPage';

mockElementSize();

const HOUR = 3_600_000;

const locationSearch = () =>
  new URLSearchParams(
    screen.getByRole('status', { name: 'Location search' }).textContent ?? '',
  );

describe('LogsPage', () => {
  it('searches the query and range of the URL and lists the records with level and service', async () => {
    const opsApi = makeFakeOpsApi();
    await renderLogs(<LogsPage />, {
      opsApi,
      search: '?q=level%3E%3Dwarn&range=6h',
    });

    const table = await screen.findByRole('table', { name: 'Log records' });
    const rows = within(table).getAllByRole('row');
    // the header, then newest first
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent(
      /error.*mailer.*acme.*connection refused/,
    );
    expect(rows[3]).toHaveTextContent('message accepted');
    expect(screen.getByRole('textbox', { name: 'Log query' })).toHaveValue(
      'level>=warn',
    );

    const request = opsApi.searchLogs.mock.calls[0][0];
    expect(request).toMatchObject({ query: 'level>=warn', limit: 500 });
    expect(Date.parse(request.to!) - Date.parse(request.from!)).toBe(6 * HOUR);
    expect(opsApi.getLogHistogram).toHaveBeenCalledWith({
      query: 'level>=warn',
      from: request.from,
      to: request.to,
      buckets: 60,
    });
    expect(await screen.findByTestId('log-histogram')).toBeInTheDocument();
  });

  it('shows query errors inline with the span, and sends no request for them', async () => {
    const opsApi = makeFakeOpsApi();
    await renderLogs(<LogsPage />, { opsApi });
    await screen.findByRole('table', { name: 'Log records' });
    expect(opsApi.searchLogs).toHaveBeenCalledTimes(1);

    const input = screen.getByRole('textbox', { name: 'Log query' });
    await userEvent.type(input, 'service:mailer level>=loud');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    const errors = screen.getByRole('list', { name: 'Query errors' });
    expect(errors).toHaveTextContent(
      'loud: unknown level "loud": use trace, debug, info, warn, error or fatal',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(opsApi.searchLogs).toHaveBeenCalledTimes(1);
    expect(locationSearch().get('q')).toBeNull();
  });

  it('keeps query and range in the URL: search, relative range, histogram zoom', async () => {
    const opsApi = makeFakeOpsApi();
    await renderLogs(<LogsPage />, { opsApi });
    await screen.findByRole('table', { name: 'Log records' });

    const input = screen.getByRole('textbox', { name: 'Log query' });
    await userEvent.type(input, 'tenant:acme "connection refused"{Enter}');
    await waitFor(() =>
      expect(opsApi.searchLogs).toHaveBeenLastCalledWith(
        expect.objectContaining({ query: 'tenant:acme "connection refused"' }),
      ),
    );
    expect(locationSearch().get('q')).toBe('tenant:acme "connection refused"');

    await userEvent.click(screen.getByRole('button', { name: '24h' }));
    await waitFor(() => expect(locationSearch().get('range')).toBe('24h'));
    const last = opsApi.searchLogs.mock.calls.at(-1)![0];
    expect(Date.parse(last.to!) - Date.parse(last.from!)).toBe(24 * HOUR);
    expect(last.query).toBe('tenant:acme "connection refused"');
  });

  it('opens an absolute range from the URL in the from/to fields', async () => {
    const opsApi = makeFakeOpsApi();
    await renderLogs(<LogsPage />, {
      opsApi,
      search:
        '?q=service%3Amailer&from=2026-11-25T10%3A00%3A00.000Z&to=2026-11-25T10%3A05%3A00.000Z',
    });
    await screen.findByRole('table', { name: 'Log records' });
    expect(opsApi.searchLogs).toHaveBeenCalledWith(
      expect.objectContaining({
        query: 'service:mailer',
        from: '2026-11-25T10:00:00.000Z',
        to: '2026-11-25T10:05:00.000Z',
      }),
    );
    expect((screen.getByLabelText('From') as HTMLInputElement).value).not.toBe(
      '',
    );
    // no relative range is selected
    const relative = screen.getByRole('group', {
      name: 'Relative time range',
    });
    for (const button of within(relative).getAllByRole('button')) {
      expect(button).toHaveAttribute('aria-pressed', 'false');
    }
  });

  it('renders hostile bodies as inert text, without escape codes', async () => {
    const opsApi = makeFakeOpsApi({
      searchLogs: jest.fn().mockResolvedValue({
        records: [
          makeLogRecord({
            id: 'x1',
            body: '<img src=x onerror="window.pwned=1"><script>alert(1)</script>',
            attributes: { 'evil.attr': '<b>bold</b>\u001b[1m' },
          }),
          makeLogRecord({
            id: 'x2',
            body: '\u001b[31mred alert\u001b[0m done',
          }),
        ],
        sources: [],
      }),
    });
    const { container } = await renderLogs(<LogsPage />, { opsApi });
    const table = await screen.findByRole('table', { name: 'Log records' });

    expect(
      within(table).getByText(
        '<img src=x onerror="window.pwned=1"><script>alert(1)</script>',
      ),
    ).toBeInTheDocument();
    expect(within(table).getByText('red alert done')).toBeInTheDocument();

    await userEvent.click(
      within(table).getAllByRole('button', { name: 'Show details' })[0],
    );
    expect(
      screen.getByRole('cell', { name: '<b>bold</b>' }),
    ).toBeInTheDocument();

    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).not.toContain('\u001b');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('expands a record: attributes, links to its trace, tenant and service, and its context', async () => {
    const opsApi = makeFakeOpsApi();
    await renderLogs(<LogsPage />, {
      opsApi,
      search: '?range=6h',
      catalogEntities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'mail-worker',
            namespace: 'default',
            annotations: { 'opsconsole.io/log-service': 'mailer' },
          },
          spec: { type: 'service', lifecycle: 'production', owner: 'x' },
        },
      ],
    });
    const table = await screen.findByRole('table', { name: 'Log records' });
    const [first] = within(table).getAllByRole('button', {
      name: 'Show details',
    });
    await userEvent.click(first);

    const attributes = screen.getByRole('table', { name: 'Attributes' });
    expect(within(attributes).getByText('mx.acme.example')).toBeInTheDocument();
    expect(
      within(attributes).getByRole('link', {
        name: '4bf92f3577b34da6a3ce929d0e0e4736',
      }),
    ).toHaveAttribute(
      'href',
      '/ops/logs?q=trace%3A4bf92f3577b34da6a3ce929d0e0e4736&range=6h',
    );
    expect(
      within(attributes).getByRole('link', { name: 'acme' }),
    ).toHaveAttribute('href', '/catalog/default/tenant/acme');
    expect(
      await within(attributes).findByRole('link', { name: 'mailer' }),
    ).toHaveAttribute('href', '/catalog/default/component/mail-worker');
    expect(screen.getByLabelText('Message')).toHaveTextContent(
      /connection refused by mx\.acme\.example:25\s+at Socket\.connect/,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Show context' }));
    const dialog = await screen.findByRole('dialog');
    const context = await within(dialog).findByRole('table', {
      name: 'Context records',
    });
    const rows = within(context).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      expect.stringContaining('opening connection'),
      expect.stringContaining('connection refused'),
      expect.stringContaining('delivery deferred'),
    ]);
    expect(rows[1]).toHaveAttribute('aria-current', 'true');
    expect(opsApi.getLogContext).toHaveBeenCalledWith('r3', {
      before: 25,
      after: 25,
    });
  });

  it('live tail long-polls from where the search ended and adds what arrives on top, once', async () => {
    let answered = false;
    const opsApi = makeFakeOpsApi({
      searchLogs: jest.fn().mockResolvedValue({
        records: logRecords,
        tailCursor: 'tail-start',
        sources: [{ id: 'builtin', status: 'ok' }],
      }),
      tailLogs: jest.fn(async options => {
        if (answered) {
          // no news: held open until the switch turns it off
          return new Promise((_resolve, reject) =>
            options.signal?.addEventListener('abort', () =>
              reject(new Error('aborted')),
            ),
          );
        }
        answered = true;
        return {
          records: [
            // committed while the search ran: the search has it already
            logRecords[0],
            makeLogRecord({ id: 'r4', body: 'tail one', level: 'fatal' }),
            makeLogRecord({ id: 'r5', body: 'tail two' }),
          ],
          cursor: 'r5',
          sources: [{ id: 'builtin', status: 'ok' as const }],
        };
      }),
    });
    await renderLogs(<LogsPage />, { opsApi, search: '?q=service%3Amailer' });
    const table = await screen.findByRole('table', { name: 'Log records' });

    await userEvent.click(screen.getByRole('switch', { name: 'Live tail' }));
    await within(table).findByText('tail two');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toHaveTextContent('tail two');
    expect(rows[2]).toHaveTextContent('tail one');
    expect(rows[3]).toHaveTextContent('connection refused');
    expect(within(table).getAllByText(/connection refused/)).toHaveLength(1);
    expect(screen.getByText('5 records')).toBeInTheDocument();
    // the search's tailCursor, not a record id
    expect(opsApi.tailLogs.mock.calls.map(([o]) => [o.query, o.after])).toEqual(
      [
        ['service:mailer', 'tail-start'],
        ['service:mailer', 'r5'],
      ],
    );
    expect(
      screen.queryByText('Live tail interrupted; retrying'),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('switch', { name: 'Live tail' }));
    const signal = opsApi.tailLogs.mock.calls[1][0].signal!;
    await waitFor(() => expect(signal.aborted).toBe(true));
  });

  it('shows a source that fails during the live tail, beside what the others bring', async () => {
    let answered = false;
    const opsApi = makeFakeOpsApi({
      tailLogs: jest.fn(async options => {
        if (answered) {
          return pendingTail(options);
        }
        answered = true;
        return {
          records: [makeLogRecord({ id: 'r4', body: 'still arriving' })],
          cursor: 'r4',
          sources: [
            { id: 'builtin', status: 'ok' as const },
            {
              id: 'loki',
              status: 'degraded' as const,
              error: 'loki: 502 Bad Gateway',
            },
          ],
        };
      }),
    });
    await renderLogs(<LogsPage />, { opsApi });
    const table = await screen.findByRole('table', { name: 'Log records' });
    // the search had every source
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('switch', { name: 'Live tail' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Source “loki” is degraded');
    expect(alert).toHaveTextContent('loki: 502 Bad Gateway');
    expect(within(table).getByText('still arriving')).toBeInTheDocument();

    // tail off: only what the search said
    await userEvent.click(screen.getByRole('switch', { name: 'Live tail' }));
    await waitFor(() =>
      expect(screen.queryByRole('alert')).not.toBeInTheDocument(),
    );
  });

  it('exports the same query and window', async () => {
    const createObjectURL = jest.fn(() => 'blob:logs');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function saved(this: HTMLAnchorElement) {
        expect(this.download).toMatch(/^logs-.*\.csv$/);
        expect(this.href).toBe('blob:logs');
      });
    const opsApi = makeFakeOpsApi();
    await renderLogs(<LogsPage />, { opsApi, search: '?q=tenant%3Aacme' });
    await screen.findByRole('table', { name: 'Log records' });

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const search = opsApi.searchLogs.mock.calls[0][0];
    await waitFor(() =>
      expect(opsApi.exportLogs).toHaveBeenCalledWith({
        query: 'tenant:acme',
        from: search.from,
        to: search.to,
        format: 'csv',
      }),
    );
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    click.mockRestore();
  });

  it('shows the backend error of a refused search', async () => {
    const opsApi = makeFakeOpsApi({
      searchLogs: jest
        .fn()
        .mockRejectedValue(new Error('Missing permission ops.logs.read')),
    });
    await renderLogs(<LogsPage />, { opsApi });
    expect(
      (await screen.findAllByText(/Missing permission ops\.logs\.read/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('table', { name: 'Log records' }),
    ).not.toBeInTheDocument();
  });
});
