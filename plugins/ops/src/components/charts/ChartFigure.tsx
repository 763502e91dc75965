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
}

/** A captioned figure holding one responsive chart. */
export function ChartFigure(props: ChartFigureProps) {
  const { testId, label, caption, children } = props;
  return (
    <figure data-testid={testId} aria-label={label} style={{ margin: 0 }}>
      <Typography variant="subtitle2" component="figcaption" gutterBottom>
        {caption}
      </Typography>
      <ResponsiveContainer
        width="100%"
        height={CHART_HEIGHT}
        initialDimension={{ width: 600, height: CHART_HEIGHT }}
      >
        {children}
      </ResponsiveContainer>
    </figure>
  );
}
