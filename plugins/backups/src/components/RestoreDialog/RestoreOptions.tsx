import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { RestoreChoices, restoreTargets } from './RestoreChoices';

type Toggle = 'restorePVs' | 'suspendGitOps' | 'acknowledgePartiallyFailed';

/** The choices of a restore: target, existing objects, volumes, Flux, acknowledgement. */
export function RestoreOptions(props: {
  namespace: string;
  partlyFailed: boolean;
  choices: RestoreChoices;
  onChange: (choices: RestoreChoices) => void;
  disabled: boolean;
}) {
  const { namespace, partlyFailed, choices, onChange, disabled } = props;
  const set = (change: Partial<RestoreChoices>) =>
    onChange({ ...choices, ...change });
  const inPlace = choices.targetNamespace === namespace;
  const toggle = (key: Toggle, label: string) => (
    <FormControlLabel
      disabled={disabled}
      label={label}
      control={
        <Checkbox
          checked={choices[key]}
          onChange={e => set({ [key]: e.target.checked })}
          inputProps={{ 'data-testid': `restore-option-${key}` } as object}
        />
      }
    />
  );
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6}>
        <FormControl component="fieldset" disabled={disabled}>
          <FormLabel component="legend">Restore into</FormLabel>
          <RadioGroup
            value={choices.targetNamespace}
            onChange={e => set({ targetNamespace: e.target.value })}
          >
            {restoreTargets(namespace).map(target => (
              <FormControlLabel
                key={target}
                value={target}
                control={<Radio size="small" />}
                label={
                  target === namespace
                    ? `${target} (in place)`
                    : `${target} (a new namespace)`
                }
              />
            ))}
          </RadioGroup>
        </FormControl>
      </Grid>
      <Grid item xs={12} sm={6}>
        <FormControl component="fieldset" disabled={disabled}>
          <FormLabel component="legend">Objects that already exist</FormLabel>
          <RadioGroup
            value={choices.existingResourcePolicy}
            onChange={e =>
              set({
                existingResourcePolicy: e.target.value as 'none' | 'update',
              })
            }
          >
            <FormControlLabel
              value="none"
              control={<Radio size="small" />}
              label="Skip them (keep what is there)"
            />
            <FormControlLabel
              value="update"
              control={<Radio size="small" />}
              label="Update them to the backup's version"
            />
          </RadioGroup>
        </FormControl>
      </Grid>
      <Grid item xs={12}>
        {toggle(
          'restorePVs',
          'Restore volume data (snapshots and file-system backups)',
        )}
        {inPlace && toggle('suspendGitOps', 'Suspend Flux during the restore')}
        {partlyFailed &&
          toggle(
            'acknowledgePartiallyFailed',
            'I understand this backup only partly succeeded: some items are missing from it',
          )}
      </Grid>
    </Grid>
  );
}
