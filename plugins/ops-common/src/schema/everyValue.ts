/**
 * Returns a list of the values of a generated enum type, and fails to compile when the list
 * leaves one out, so a value added to the spec cannot be missed by the lists built from it.
 *
 * @example `everyValue<QueueJobState>()(['waiting', 'active'] as const)`
 */
export const everyValue =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L &
      ([Exclude<T, L[number]>] extends [never]
        ? unknown
        : { missingValues: Exclude<T, L[number]> }),
  ): L =>
    list;
