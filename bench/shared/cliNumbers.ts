/** Number arguments of the bench command lines, with a message naming the option. */

/** A finite number > 0. */
export function positiveNumber(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!raw || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} needs a positive number, got ${raw ?? 'nothing'}`);
  }
  return value;
}

/** An integer >= `min`; `5k` is 5,000 and `10m` 10,000,000. */
export function count(
  name: string,
  raw: string | undefined,
  min: number,
): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(raw ?? '');
  const unit = { '': 1, k: 1e3, m: 1e6 }[(m?.[2] ?? '').toLowerCase()] ?? 1;
  const value = m ? Number(m[1]) * unit : NaN;
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `${name} needs an integer >= ${min}, got ${raw ?? 'nothing'}`,
    );
  }
  return value;
}
