import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { ResponsiveContainer } from 'recharts';

const CHART_HEIGHT = 240;

export interface ChartFigureProps {
  /** `data-testid` of the figure. */
  testId: string;
  /** Accessible name of the figure. */
  label: string;
  /** Visible caption above the chart. */
  caption: string;
  /** One recharts chart, sized to the figure's width. */
  children: ReactElement;
  /** Height of the chart in pixels (default 240). */
  height?: number;
}

/** A captioned figure holding one responsive chart. */
export function ChartFigure(props: ChartFigureProps) {
  const { testId, label, caption, children, height = CHART_HEIGHT } = props;
  return (
    <figure data-testid={testId} aria-label={label} style={{ margin: 0 }}>
      <Typography variant="subtitle2" component="figcaption" gutterBottom>
        {caption}
      </Typography>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 600, height }}
      >
        {children}
      </ResponsiveContainer>
    </figure>
  );
}
