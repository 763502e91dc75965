import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

export interface FilteredCountProps {
  /** How many items the filters let through. */
  shown: number;
  /** How many items there are in all. */
  total: number;
  /** What is listed, plural, e.g. "tenants". */
  items: string;
  onClear: () => void;
}

/** "Showing 2 of 4 tenants." under a filtered list, with a way to clear. */
export function FilteredCount(props: FilteredCountProps) {
  const { shown, total, items, onClear } = props;
  return (
    <Box mt={2}>
      <Typography variant="body2" color="textSecondary">
        {`Showing ${shown} of ${total} ${items}.`}{' '}
        <Button size="small" onClick={onClear}>
          Clear filters
        </Button>
      </Typography>
    </Box>
  );
}
