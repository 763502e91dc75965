import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_REDACTION_RULES,
  parseRedactFieldsAnnotation,
  readRedactionConfig,
  rulesForQueue,
} from './redactionConfig';

describe('redaction config', () => {
  it('defaults to 200 characters and the default fields', () => {
    const config = readRedactionConfig(new ConfigReader({}));
    expect(rulesForQueue(config, 'outbound-email-acme', [])).toEqual(
      DEFAULT_REDACTION_RULES,
    );
  });

  it('merges the defaults, the queue and the tenant annotation', () => {
    const config = readRedactionConfig(
      new ConfigReader({
        ops: {
          queues: {
            redaction: {
              maxBodyChars: 120,
              removeFields: ['headers.authorization'],
              queues: {
                'outbound-email-acme': {
                  maxBodyChars: 50,
                  removeFields: ['metadata.notes', 'headers.authorization'],
                },
              },
            },
          },
        },
      }),
    );
    expect(
      rulesForQueue(config, 'outbound-email-acme', ['data.customerId']),
    ).toEqual({
      maxBodyChars: 50,
      removeFields: [
        'headers.authorization',
        'metadata.notes',
        'data.customerId',
      ],
    });
    expect(rulesForQueue(config, 'other', [])).toEqual({
      maxBodyChars: 120,
      removeFields: ['headers.authorization'],
    });
  });

  it('refuses a maxBodyChars that is not a positive integer', () => {
    expect(() =>
      readRedactionConfig(
        new ConfigReader({
          ops: { queues: { redaction: { maxBodyChars: 0 } } },
        }),
      ),
    ).toThrow('maxBodyChars must be a positive integer');
  });

  it('parses the annotation as a comma list', () => {
    expect(parseRedactFieldsAnnotation(' a.b, c ,,d ')).toEqual([
      'a.b',
      'c',
      'd',
    ]);
    expect(parseRedactFieldsAnnotation(undefined)).toEqual([]);
  });
});
