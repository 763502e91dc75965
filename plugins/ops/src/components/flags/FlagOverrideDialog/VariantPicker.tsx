import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { Flag } from '@opsconsole/backstage-plugin-ops-common';
import { orderedVariants, variantLabel } from '../flagFormat';

/** Radio buttons of a flag's variants: "On" / "Off" for boolean flags. */
export function VariantPicker(props: {
  flag: Flag;
  label: string;
  value?: string;
  onChange: (variant: string) => void;
}) {
  const { flag, label, value, onChange } = props;
  return (
    <FormControl component="fieldset" margin="normal" required>
      <FormLabel component="legend">{label}</FormLabel>
      <RadioGroup
        aria-label={label}
        name="variant"
        value={value ?? ''}
        onChange={event => onChange(event.target.value)}
        row={flag.type === 'boolean'}
      >
        {orderedVariants(flag).map(variant => (
          <FormControlLabel
            key={variant}
            value={variant}
            control={<Radio color="primary" />}
            label={variantLabel(flag, variant)}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
