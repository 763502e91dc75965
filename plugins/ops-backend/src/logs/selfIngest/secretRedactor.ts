/**
 * Replaces known secret strings with `***`, like the root logger's redacter does for the
 * printed line (which leaves the structured fields a transport receives untouched).
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();
  private pattern?: RegExp;

  /** Adds secrets; blank and one-character values are ignored, as the root logger does. */
  add(secrets: Iterable<string | undefined | null>) {
    let added = false;
    for (const raw of secrets) {
      const secret = raw?.trim();
      if (!secret || secret.length <= 1 || this.secrets.has(secret)) continue;
      this.secrets.add(secret);
      added = true;
    }
    if (added) {
      // longest first, so a secret that contains another is replaced whole
      const alternatives = [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map(s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.pattern = new RegExp(alternatives.join('|'), 'g');
    }
  }

  redact(text: string): string {
    return this.pattern ? text.replace(this.pattern, '***') : text;
  }
}
