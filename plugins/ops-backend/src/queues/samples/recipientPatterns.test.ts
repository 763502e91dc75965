import { createHash } from 'node:crypto';
import {
  jobRecipients,
  recipientHash,
  summarizeRecipients,
} from './recipientPatterns';

describe('recipient patterns', () => {
  it('finds the recipients of a job in recipient fields at any depth, normalized', () => {
    const recipients = jobRecipients({
      to: '"Ann" <Ann@Example.com>, bob+promo@example.com',
      cc: ['carol@bücher.de'],
      headers: { Bcc: 'dave@xn--bcher-kva.de' },
      envelope: { rcptTo: [{ address: 'eve@other.example', name: 'Eve' }] },
      recipients: [{ email: 'ann@example.com' }],
      from: 'sender@tenant.example',
      text: 'write to frank@example.com',
    });
    expect(recipients.map(r => [r.address, r.domain])).toEqual([
      ['ann@example.com', 'example.com'],
      ['bob@example.com', 'example.com'],
      ['carol@xn--bcher-kva.de', 'bücher.de'],
      ['dave@xn--bcher-kva.de', 'bücher.de'],
      ['eve@other.example', 'other.example'],
    ]);
  });

  it('survives cycles and odd payloads', () => {
    const data: any = { to: 'a@x.example' };
    data.self = data;
    expect(jobRecipients(data).map(r => r.address)).toEqual(['a@x.example']);
    expect(jobRecipients(null)).toEqual([]);
    expect(jobRecipients('to: a@x.example')).toEqual([]);
  });

  it('hashes the lower-case address with sha256', () => {
    expect(recipientHash('Ann@Example.com')).toBe(
      createHash('sha256').update('ann@example.com').digest('hex'),
    );
  });

  it('counts unique recipients, top domains by recipients, and the share of new ones', () => {
    const jobs = [
      jobRecipients({ to: 'a@big.example' }),
      jobRecipients({ to: ['a@big.example', 'b@big.example'] }),
      jobRecipients({ to: 'c@small.example' }),
      jobRecipients({ to: 'd@big.example' }),
      jobRecipients({ subject: 'no recipients' }),
    ];
    const known = new Set([recipientHash('a@big.example')]);
    expect(summarizeRecipients(jobs, h => !known.has(h), 1)).toEqual({
      sampledJobs: 5,
      uniqueRecipients: 4,
      newRecipientShare: 0.75,
      topDomains: [{ domain: 'big.example', count: 3, share: 0.75 }],
    });
    expect(summarizeRecipients([], () => true)).toEqual({
      sampledJobs: 0,
      uniqueRecipients: 0,
      newRecipientShare: 0,
      topDomains: [],
    });
  });
});
