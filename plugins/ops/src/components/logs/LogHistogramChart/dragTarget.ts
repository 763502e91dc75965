/** The pointer's x and the plot area's horizontal extent, in the chart's own pixels. */
export interface ChartPointer {
  x: number;
  plotLeft: number;
  plotRight: number;
}

/**
 * The bar a drag across the histogram is over: the one under the pointer or,
 * with the pointer beside the bars (in the chart's left or right margin), the
 * first or the last bar, so a drag past an end takes the end bar in. Undefined
 * when the pointer is above or below the bars, or unknown (the drag stays
 * where it was).
 *
 * @param bars - the bar times, in order
 * @param hovered - the time of the bar under the pointer, if any
 */
export function dragTarget(
  bars: readonly number[],
  hovered: number | undefined,
  pointer: ChartPointer | undefined,
): number | undefined {
  if (hovered !== undefined) return hovered;
  if (!pointer || bars.length === 0) return undefined;
  if (pointer.x < pointer.plotLeft) return bars[0];
  if (pointer.x > pointer.plotRight) return bars[bars.length - 1];
  return undefined;
}
