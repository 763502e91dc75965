/** Margin around the plot area of a time-series chart. */
export const CHART_MARGIN = { top: 8, right: 16, left: 8 };

/** Width of a value (Y) axis, wide enough for formatted labels. */
export const VALUE_AXIS_WIDTH = 64;
