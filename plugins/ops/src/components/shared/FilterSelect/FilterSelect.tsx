import TextField from '@material-ui/core/TextField';

const DEFAULT_MIN_WIDTH = 160;

export interface FilterSelectProps<Value extends string> {
  id: string;
  label: string;
  /** The selected option; `''` means "all". */
  value: Value | '';
  /** The choosable options, in order. */
  options: readonly Value[];
  /** The visible label of an option. */
  labelOf: (option: Value) => string;
  /** The label of the "all" (`''`) option, e.g. "All owners". */
  allLabel: string;
  onChange: (value: Value | '') => void;
  /** Minimum width in pixels (default 160). */
  minWidth?: number;
}

/** A native outlined select of a filter toolbar, with an "all" option first. */
export function FilterSelect<Value extends string>(
  props: FilterSelectProps<Value>,
) {
  const {
    id,
    label,
    value,
    options,
    labelOf,
    allLabel,
    onChange,
    minWidth = DEFAULT_MIN_WIDTH,
  } = props;
  return (
    <TextField
      select
      id={id}
      label={label}
      variant="outlined"
      size="small"
      style={{ minWidth }}
      value={value}
      onChange={event => onChange(event.target.value as Value | '')}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">{allLabel}</option>
      {options.map(option => (
        <option key={option} value={option}>
          {labelOf(option)}
        </option>
      ))}
    </TextField>
  );
}
