import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';

export interface SearchFieldProps {
  id: string;
  /** Defaults to "Search". */
  label?: string;
  placeholder?: string;
  helperText?: string;
  value: string;
  onChange: (value: string) => void;
}

/** An outlined text field with a search icon, for free-text filtering. */
export function SearchField(props: SearchFieldProps) {
  const {
    id,
    label = 'Search',
    placeholder,
    helperText,
    value,
    onChange,
  } = props;
  return (
    <TextField
      id={id}
      label={label}
      placeholder={placeholder}
      variant="outlined"
      size="small"
      value={value}
      onChange={event => onChange(event.target.value)}
      helperText={helperText}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      }}
    />
  );
}
