import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { objectNameSchema } from '@internal/plugin-backups-common';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { backupsApiRef } from '../api';
import { describeError } from '../utils/describeError';
import { BackupChoice } from './BackupChoice';
import { restorableBackups } from './restorableBackups';
import { entityOfForm, RestoreForm } from './restoreForm';

/**
 * The form field `VeleroBackupPicker`: the restorable backups of the entity
 * chosen in the form's `entityRef`, newest first. Its value is the backup's name.
 */
export function VeleroBackupPicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, rawErrors, required, schema, idSchema } = props;
  const entity = entityOfForm(props.formContext?.formData as RestoreForm);
  const backupsApi = useApi(backupsApiRef);
  const {
    value: backups,
    loading,
    error,
  } = useAsync(
    async () =>
      entity ? restorableBackups(await backupsApi.getOverview(entity)) : [],
    [entity?.kind, entity?.namespace, entity?.name],
  );
  // A backup of another entity, chosen before the entity changed, is no choice.
  useEffect(() => {
    if (backups && formData && !backups.some(b => b.name === formData))
      onChange(undefined);
  }, [backups, formData, onChange]);

  if (!entity)
    return <Alert severity="info">Choose the component first.</Alert>;
  if (loading) return <Progress />;
  if (error)
    return (
      <Alert severity="error" data-testid="backup-picker-error">
        Its backups could not be read: {describeError(error).message}
      </Alert>
    );
  if (!backups?.length)
    return (
      <Alert severity="warning" data-testid="backup-picker-empty">
        {entity.name} has no backup to restore: only Completed or
        PartiallyFailed backups that have not expired can be restored.
      </Alert>
    );
  const clusters = new Set(backups.map(b => b.cluster));
  const chosen = backups.some(b => b.name === formData) ? formData : '';
  return (
    <TextField
      id={idSchema?.$id}
      select
      fullWidth
      variant="outlined"
      margin="normal"
      label={schema.title ?? 'Backup'}
      helperText={schema.description}
      required={required}
      error={(rawErrors?.length ?? 0) > 0 && !chosen}
      value={chosen}
      onChange={e => onChange(e.target.value || undefined)}
      SelectProps={{ renderValue: value => String(value) }}
      inputProps={{ 'data-testid': 'backup-picker' }}
    >
      {backups.map(backup => (
        <MenuItem key={`${backup.cluster}/${backup.name}`} value={backup.name}>
          <BackupChoice backup={backup} showCluster={clusters.size > 1} />
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Refuses an empty choice, and what cannot be a backup's name. */
export const veleroBackupPickerValidation: CustomFieldValidator<string> = (
  value,
  validation,
) => {
  if (!value?.trim()) validation.addError('Choose a backup to restore');
  else if (!objectNameSchema.safeParse(value).success)
    validation.addError(`${value} is not the name of a backup`);
};
