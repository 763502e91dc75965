import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail the test SMTP server accepted. */
export interface ReceivedMail {
  /** RCPT TO addresses of the envelope. */
  rcptTo: string[];
  /** Header name (lower case) → value, unfolded. */
  headers: Record<string, string>;
  /** The body, quoted-printable decoded. */
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = Buffer.from(
    body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex) =>
        String.fromCharCode(parseInt(hex, 16)),
      ),
    'latin1',
  );
  return bytes.toString('utf8');
}

function parse(raw: string, rcptTo: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let text = raw.slice(split + 4).replace(/\r\n$/, '');
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) {
    text = decodeQuotedPrintable(text);
  }
  return { rcptTo, headers, text: text.replace(/\r\n/g, '\n') };
}

/**
 * A real SMTP server in process, on a free port of 127.0.0.1, that keeps the mails it
 * accepts. `rejectWith` makes it refuse the next messages (a failing mail server).
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const state: { rejectWith?: string } = {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', c => chunks.push(c));
      stream.on('end', () => {
        if (state.rejectWith) {
          const error = new Error(state.rejectWith) as Error & {
            responseCode: number;
          };
          error.responseCode = 554;
          callback(error);
          return;
        }
        received.push(
          parse(
            Buffer.concat(chunks).toString('latin1'),
            session.envelope.rcptTo.map(r => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = (
    server as unknown as { server: { address(): AddressInfo } }
  ).server.address();
  return {
    port,
    received,
    state,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
