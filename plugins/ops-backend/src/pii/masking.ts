// The one way personal data (emails, IP addresses, names) is masked, so users, tenants,
// notices and job samples show it alike. User data is unmasked only for a caller holding
// ops.users.pii.read who asked for it (reveal=true, audited).

/** `jane.doe@acme.example` → `j***@acme.example`: enough to tell accounts apart, not to mail them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** `Jane Doe` → `J***`: the initial an operator needs to match a person to an address. */
export function maskName(name: string): string {
  return `${[...name][0] ?? ''}***`;
}

/**
 * `203.0.113.42` → `203.0.*.*`; `2001:db8:85a3::8a2e:370:7334` → `2001:db8:*`: the network
 * an address belongs to, not the subscriber.
 */
export function maskIp(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return maskIp(mapped[1]);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const [a, b] = ip.split('.');
    return `${a}.${b}.*.*`;
  }
  if (ip.includes(':')) {
    const groups = ip.split(':').filter(g => g.length > 0);
    return `${groups.slice(0, 2).join(':')}:*`;
  }
  return '***';
}

/** Masks personal data unless `reveal` is set. */
export function piiMasker(reveal: boolean) {
  return {
    email: (email: string) => (reveal ? email : maskEmail(email)),
    ip: (ip: string) => (reveal ? ip : maskIp(ip)),
  };
}

/** @internal */
export type PiiMasker = ReturnType<typeof piiMasker>;
