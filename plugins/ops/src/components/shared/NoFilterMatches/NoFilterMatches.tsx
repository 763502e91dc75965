import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

export interface NoFilterMatchesProps {
  /** What is listed, plural: "No {items} match the filters". */
  items: string;
  onClear: () => void;
  /** Vertical padding, in theme spacing units. */
  py: number;
}

/** The empty state of a filtered list that nothing matches. */
export function NoFilterMatches(props: NoFilterMatchesProps) {
  const { items, onClear, py } = props;
  return (
    <Box textAlign="center" py={py}>
      <Typography variant="h6" gutterBottom>
        {`No ${items} match the filters`}
      </Typography>
      <Button variant="outlined" onClick={onClear}>
        Clear filters
      </Button>
    </Box>
  );
}
