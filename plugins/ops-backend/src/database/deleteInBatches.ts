/**
 * Runs `deleteBatch(batchSize)` until it deletes fewer than `batchSize` rows (short
 * statements, no long lock); answers how many were deleted in all.
 */
export async function deleteInBatches(
  deleteBatch: (batchSize: number) => Promise<number>,
  batchSize: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(batchSize);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
