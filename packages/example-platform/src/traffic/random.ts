/** A source of numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/** Integer in [min, max]. */
export function randomInt(random: RandomSource, min: number, max: number) {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element, chosen with probability proportional to its weight. */
export function pickWeighted<T>(
  random: RandomSource,
  items: readonly T[],
  weight: (item: T) => number,
): T | undefined {
  const total = items.reduce((sum, item) => sum + Math.max(0, weight(item)), 0);
  if (total <= 0) {
    return undefined;
  }
  let point = random() * total;
  for (const item of items) {
    point -= Math.max(0, weight(item));
    if (point < 0) {
      return item;
    }
  }
  return items[items.length - 1];
}

/** One element, uniformly. */
export function pickOne<T>(random: RandomSource, items: readonly T[]) {
  return items.length > 0
    ? items[randomInt(random, 0, items.length - 1)]
    : undefined;
}
