/**
 * Tricky payloads for the redaction: each case names the addresses (local parts) that must
 * not survive redaction, and what the redacted text must contain instead.
 */
export interface RedactionCase {
  name: string;
  data: unknown;
  /** Substrings that must not appear anywhere in the redacted JSON. */
  secrets: string[];
  /** Substrings that must appear in the redacted JSON. */
  expected: string[];
}

export const redactionCorpus: RedactionCase[] = [
  {
    name: 'plain recipient field',
    data: { to: 'john.smith@example.com' },
    secrets: ['john.smith'],
    expected: ['j***@example.com'],
  },
  {
    name: 'display name in a header value',
    data: { headers: { To: '"John Smith" <john.smith@example.com>' } },
    secrets: ['john.smith', 'John Smith'],
    expected: ['"***" <j***@example.com>'],
  },
  {
    name: 'several addresses in one header, mixed forms',
    data: {
      headers: {
        cc: 'Alice <alice@a.example>, "Bob, Jr." <bob@b.example>; carol@c.example',
      },
    },
    secrets: ['alice@', 'bob@', 'carol@', 'Bob, Jr.'],
    expected: ['a***@a.example', 'b***@b.example', 'c***@c.example'],
  },
  {
    name: 'address in a free-text body',
    data: {
      text: 'Hi, please forward this to maria.garcia@corp.example before noon.',
    },
    secrets: ['maria.garcia'],
    expected: ['m***@corp.example'],
  },
  {
    name: 'HTML body with mailto and escaped angle brackets',
    data: {
      html: '<p>Contact <a href="mailto:support.team@help.example?subject=Hi">Support &lt;support.team@help.example&gt;</a></p>',
    },
    secrets: ['support.team'],
    expected: [
      'mailto:s***@help.example?subject=Hi',
      '&lt;s***@help.example&gt;',
    ],
  },
  {
    name: 'URL-encoded and HTML-entity-encoded at signs',
    data: {
      html: '<a href="https://t.example/unsub?email=peter.parker%40daily.example">x</a> peter.parker&#64;daily.example peter.parker&#x40;daily.example peter.parker&commat;daily.example',
    },
    secrets: ['peter.parker'],
    expected: ['email=p***%40daily.example', 'p***&#64;daily.example'],
  },
  {
    name: 'upper case',
    data: { recipient: 'JOHN.DOE@EXAMPLE.COM' },
    secrets: ['JOHN.DOE'],
    expected: ['J***@EXAMPLE.COM'],
  },
  {
    name: 'international domain and local part',
    data: {
      to: [
        'jörg.müller@bücher.de',
        'ana@xn--bcher-kva.de',
        'δοκιμή@παράδειγμα.δοκιμή',
      ],
    },
    secrets: ['jörg', 'müller', 'ana@', 'δοκιμή@'],
    expected: [
      'j***@bücher.de',
      'a***@xn--bcher-kva.de',
      'δ***@παράδειγμα.δοκιμή',
    ],
  },
  {
    name: 'plus addressing',
    data: { to: 'newsletter+promo2026@shop.example' },
    secrets: ['newsletter', 'promo2026'],
    expected: ['n***@shop.example'],
  },
  {
    name: 'quoted local part',
    data: { to: '"john doe"@example.com' },
    secrets: ['john doe'],
    expected: ['j***@example.com'],
  },
  {
    name: 'RFC 2047 encoded display name',
    data: {
      headers: { from: '=?UTF-8?B?SsO2cmcgTcO8bGxlcg==?= <joerg@example.de>' },
    },
    secrets: ['SsO2cmcgTcO8bGxlcg', 'joerg@'],
    expected: ['"***" <j***@example.de>'],
  },
  {
    name: 'nested objects and arrays',
    data: {
      message: {
        envelope: { rcptTo: [{ address: 'deep.one@x.example' }] },
        personalizations: [
          { to: [{ email: 'deep.two@y.example', name: 'Deep Two' }] },
        ],
      },
    },
    secrets: ['deep.one', 'deep.two', 'Deep Two'],
    expected: ['d***@x.example', 'D***'],
  },
  {
    name: 'address as an object key (per-recipient merge data)',
    data: { mergeVars: { 'lisa.simpson@spring.example': { first: 'Lisa' } } },
    secrets: ['lisa.simpson'],
    expected: ['l***@spring.example'],
  },
  {
    name: 'JSON-escaped at sign',
    data: { raw: '{"to":"homer\\u0040spring.example"}' },
    secrets: ['homer'],
    expected: ['h***\\u0040spring.example'],
  },
  {
    name: 'bounce message in a field',
    data: {
      lastError:
        '550 5.1.1 <ned.flanders@spring.example>: Recipient address rejected',
    },
    secrets: ['ned.flanders'],
    expected: ['<n***@spring.example>'],
  },
  {
    name: 'single-label and IP-literal domains',
    data: { to: ['root@localhost', 'admin@[192.0.2.1]'] },
    secrets: ['root@', 'admin@'],
    expected: ['r***@localhost', 'a***@[192.0.2.1]'],
  },
];
