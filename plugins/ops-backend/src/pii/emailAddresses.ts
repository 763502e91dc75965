import { domainToASCII, domainToUnicode } from 'node:url';
import { maskEmail } from './masking';

// Email addresses as they appear in queued mail: plain, upper case, plus-addressed, with
// international (IDN) domains or local parts, quoted local parts, and with the `@` encoded
// (`%40` in URLs, `&#64;` / `&#x40;` / `&commat;` in HTML, `\u0040` in JSON-ish text).
// `/ = ? &` are left out of unquoted local parts on purpose: they are legal but unused in
// practice, and excluding them keeps `?email=john@x.com` in a URL from swallowing the URL.

const LOCAL_CHARS = "[\\p{L}\\p{N}!#$*^_`{|}~+'-]";
const LOCAL = `(?:${LOCAL_CHARS}+(?:\\.${LOCAL_CHARS}+)*|"[^"\\r\\n@]{1,64}")`;
const AT = '(?:@|%40|&#0*64;|&#[xX]0*40;|&commat;|\\\\u0040)';
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const DOMAIN = `(?:${LABEL}(?:\\.${LABEL})*|\\[[^\\]\\s]{1,64}\\])`;

const addressPattern = () => new RegExp(`(${LOCAL})(${AT})(${DOMAIN})`, 'gu');

/** A quoted or RFC 2047 encoded display name right before `<address>` (or `&lt;address`). */
const displayNamePattern = () =>
  new RegExp(
    `(?:"[^"\\r\\n]{1,200}"|=\\?[^?\\s]{1,40}\\?[BbQq]\\?[^?\\s]{0,400}\\?=)(?=\\s*(?:<|&lt;)\\s*(?:mailto:)?${LOCAL}${AT}${DOMAIN})`,
    'gu',
  );

/** `"John"@x.com` → `John`; other local parts unchanged. */
const bareLocal = (local: string) =>
  local.startsWith('"') ? local.slice(1, -1) : local;

/** `john@example.com` → `j***@example.com`, keeping the form of the `@` it was written with. */
function maskMatch(local: string, at: string, domain: string): string {
  const masked = maskEmail(`${bareLocal(local) || '*'}@${domain}`);
  return at === '@' ? masked : masked.replace('@', at);
}

/**
 * Masks every email address in free text (headers, bodies, HTML, URLs): local parts become
 * `<first character>***`, quoted and encoded display names before `<address>` become `"***"`.
 */
export function maskAddressesInText(text: string): string {
  if (!text.includes('@') && !/%40|&#|&commat;|\\u0040/i.test(text)) {
    return text;
  }
  return text
    .replace(displayNamePattern(), '"***"')
    .replace(
      addressPattern(),
      (_m, local: string, at: string, domain: string) =>
        maskMatch(local, at, domain),
    );
}

/** A recipient address in the form used to count and hash it. */
export interface NormalizedAddress {
  /** `local@ascii-domain`, lower case, without a `+tag`. */
  address: string;
  /** The domain for display (Unicode form of an IDN), lower case. */
  domain: string;
}

/**
 * The canonical form of an address: lower case, the `@` decoded, the domain in its ASCII
 * (punycode) form so `bücher.de` and `xn--bcher-kva.de` are one domain, and the `+tag` of
 * plus-addressing dropped (mail providers deliver `john+x@` to `john@`'s mailbox, and a spam
 * run that varies tags is still one recipient).
 */
function normalize(local: string, domain: string): NormalizedAddress {
  const lowerDomain = domain.toLocaleLowerCase('en-US');
  const ascii = domainToASCII(lowerDomain) || lowerDomain;
  const bare = bareLocal(local).toLocaleLowerCase('en-US');
  const plus = bare.indexOf('+');
  const mailbox = plus > 0 ? bare.slice(0, plus) : bare;
  return {
    address: `${mailbox}@${ascii}`,
    domain: domainToUnicode(ascii) || ascii,
  };
}

/** Every email address in a text, normalized (see {@link NormalizedAddress}). */
export function findAddresses(text: string): NormalizedAddress[] {
  const found: NormalizedAddress[] = [];
  for (const m of text.matchAll(addressPattern())) {
    found.push(normalize(m[1], m[3]));
  }
  return found;
}
