import TextField from '@material-ui/core/TextField';

/** An in-place restore overwrites the live namespace: the user types its name first. */
export function RestoreConfirmation(props: {
  namespace: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { namespace, value, onChange } = props;
  return (
    <TextField
      style={{ flex: 1, marginLeft: 8, marginRight: 16 }}
      variant="outlined"
      size="small"
      label={`Type ${namespace} to restore in place`}
      helperText="The restore writes into the app's live namespace."
      value={value}
      onChange={e => onChange(e.target.value)}
      error={value !== '' && value !== namespace}
      inputProps={{
        'data-testid': 'restore-confirm-input',
        autoComplete: 'off',
        spellCheck: false,
      }}
    />
  );
}
