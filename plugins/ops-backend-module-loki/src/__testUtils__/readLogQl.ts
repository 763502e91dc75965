// A strict reader of the LogQL subset compileLogQl writes, for tests: it fails on
// anything else (an unbalanced or badly escaped string, stray syntax), and gives the
// decoded values back so tests can check that every value stayed a value.

export interface ReadMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

export type ReadStage =
  | { kind: 'line'; op: '|=' | '!=' | '|~' | '!~'; value: string }
  | { kind: 'parser'; parser: 'json' | 'logfmt' }
  | ({ kind: 'label' } & ReadMatcher);

export interface ReadLogQl {
  matchers: ReadMatcher[];
  stages: ReadStage[];
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new Error(
      `${message} at ${this.pos} in ${JSON.stringify(this.text)}`,
    );
  }

  eat(literal: string): boolean {
    if (this.text.startsWith(literal, this.pos)) {
      this.pos += literal.length;
      return true;
    }
    return false;
  }

  expect(literal: string) {
    if (!this.eat(literal)) this.fail(`expected ${JSON.stringify(literal)}`);
  }

  label(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!match) this.fail('expected a label name');
    this.pos += match[0].length;
    return match[0];
  }

  op<T extends string>(ops: readonly T[]): T {
    const found = ops.find(o => this.text.startsWith(o, this.pos));
    if (!found) this.fail(`expected one of ${ops.join(' ')}`);
    this.pos += found.length;
    return found;
  }

  /** A Go double-quoted string literal, decoded. */
  string(): string {
    this.expect('"');
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated string');
      const ch = this.text[this.pos++];
      if (ch === '"') return out;
      if (ch === '\n') this.fail('newline in string');
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.text[this.pos++];
      if (esc in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[esc];
      } else if (esc === 'u') {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        const code = parseInt(hex, 16);
        if (code >= 0xd800 && code <= 0xdfff) this.fail('surrogate escape');
        out += String.fromCharCode(code);
        this.pos += 4;
      } else {
        this.fail(`bad escape \\${esc}`);
      }
    }
  }

  matcher(): ReadMatcher {
    const label = this.label();
    const op = this.op(['=~', '!~', '!=', '='] as const);
    return { label, op, value: this.string() };
  }
}

/** Reads a compiled log query; throws when it is not in the expected form. */
export function readLogQl(text: string): ReadLogQl {
  const r = new Reader(text);
  if (
    /[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))
  ) {
    r.fail('lone surrogate');
  }
  r.expect('{');
  const matchers = [r.matcher()];
  while (r.eat(', ')) matchers.push(r.matcher());
  r.expect('}');
  const stages: ReadStage[] = [];
  while (r.pos < text.length) {
    r.expect(' ');
    const line = ['|=', '!=', '|~', '!~'] as const;
    if (line.some(o => text.startsWith(`${o} `, r.pos))) {
      const op = r.op(line);
      r.expect(' ');
      stages.push({ kind: 'line', op, value: r.string() });
    } else {
      r.expect('| ');
      if (r.eat('json')) stages.push({ kind: 'parser', parser: 'json' });
      else if (r.eat('logfmt'))
        stages.push({ kind: 'parser', parser: 'logfmt' });
      else stages.push({ kind: 'label', ...r.matcher() });
    }
  }
  if (!matchers.some(m => m.op === '=' || m.op === '=~')) {
    r.fail('no positive matcher in the selector');
  }
  return { matchers, stages };
}
