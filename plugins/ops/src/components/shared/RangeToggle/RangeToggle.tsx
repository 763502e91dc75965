import Box from '@material-ui/core/Box';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';

export interface RangeToggleProps<Range extends string> {
  /** The ranges to offer, in order. */
  ranges: readonly Range[];
  /** The selected range; null when none of them is (e.g. a custom range). */
  value: Range | null;
  /** Accessible name of the switch (default "Range"). */
  label?: string;
  /** Called with a newly selected range; never with none. */
  onChange: (range: Range) => void;
}

/** The exclusive range switch of a card's action area (e.g. 24h / 7d). */
export function RangeToggle<Range extends string>(
  props: RangeToggleProps<Range>,
) {
  const { ranges, value, onChange, label = 'Range' } = props;
  return (
    <Box pt={1} pr={1}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={value}
        aria-label={label}
        onChange={(_event, next: Range | null) => {
          if (next) {
            onChange(next);
          }
        }}
      >
        {ranges.map(option => (
          <ToggleButton
            key={option}
            value={option}
            style={{ textTransform: 'none' }}
          >
            {option}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}
