import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { DateTime } from 'luxon';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { backupsApiRef } from '../../api';
import { describeError } from '../../utils/describeError';
import {
  outsideWindowProblem,
  parseStoredTime,
  RecoveryTimePickerOptions,
  recoveryTargetOfForm,
  recoveryWindowOf,
  toRfc3339Utc,
} from './recoveryTarget';
import { bothZones, RecoveryWindowText } from './RecoveryWindowText';

type Zone = 'utc' | 'local';
const INPUT_FORMAT = "yyyy-LL-dd'T'HH:mm:ss";
// 'default' is the user's zone, as toLocal() and DateTime.local() read it.
const luxonZone = (zone: Zone) => (zone === 'utc' ? 'utc' : 'default');

/**
 * The form field `RecoveryTimePicker`: the recoverability window of the CNPG
 * cluster chosen in the form, and a time inside it. Its value is RFC 3339 in UTC.
 */
export function RecoveryTimePicker(
  props: FieldExtensionComponentProps<string, RecoveryTimePickerOptions>,
) {
  const { formData, onChange, rawErrors, required, schema, idSchema } = props;
  const target = recoveryTargetOfForm(
    props.formContext?.formData,
    props.uiSchema?.['ui:options'],
  );
  const backupsApi = useApi(backupsApiRef);
  const [zone, setZone] = useState<Zone>('utc');
  const {
    value: found,
    loading,
    error,
  } = useAsync(
    async () =>
      target &&
      recoveryWindowOf(await backupsApi.getOverview(target.entity), target),
    [
      target?.entity.kind,
      target?.entity.namespace,
      target?.entity.name,
      target?.cluster,
      target?.namespace,
    ],
  );

  if (!target)
    return (
      <Alert severity="info">
        Choose the entity and the CloudNativePG cluster first.
      </Alert>
    );
  if (loading) return <Progress />;
  if (error)
    return (
      <Alert severity="error" data-testid="recovery-window-error">
        The recoverability window could not be read:{' '}
        {describeError(error).message}
      </Alert>
    );
  if (!found || found.problem !== undefined)
    return (
      <Alert severity="warning" data-testid="recovery-window-error">
        {found?.problem}
      </Alert>
    );

  const { window } = found;
  const chosen = formData ? parseStoredTime(formData) : undefined;
  const problem =
    chosen && outsideWindowProblem(chosen, window, target.cluster);
  const shown = (time: DateTime) =>
    time.setZone(luxonZone(zone)).toFormat(INPUT_FORMAT);
  const change = (text: string) => {
    const time = DateTime.fromISO(text, { zone: luxonZone(zone) });
    onChange(time.isValid ? toRfc3339Utc(time) : undefined);
  };
  return (
    <Box mt={1} mb={1}>
      <RecoveryWindowText window={window} cluster={target.cluster} />
      <Box display="flex" alignItems="flex-start" flexWrap="wrap">
        <Box flexGrow={1} mr={2}>
          <TextField
            id={idSchema?.$id}
            type="datetime-local"
            fullWidth
            variant="outlined"
            margin="normal"
            label={schema.title ?? 'Recover to'}
            required={required}
            InputLabelProps={{ shrink: true }}
            value={chosen ? shown(chosen) : ''}
            onChange={e => change(e.target.value)}
            error={Boolean(problem) || (rawErrors?.length ?? 0) > 0}
            helperText={
              problem ??
              (chosen ? `Recovers to ${bothZones(chosen)}` : schema.description)
            }
            inputProps={{
              step: 1,
              min: shown(window.from),
              max: shown(window.to),
              'data-testid': 'recovery-time',
            }}
          />
        </Box>
        <TextField
          select
          variant="outlined"
          margin="normal"
          label="Time zone"
          value={zone}
          onChange={e => setZone(e.target.value as Zone)}
          inputProps={{ 'data-testid': 'recovery-zone' }}
        >
          <MenuItem value="utc">UTC</MenuItem>
          <MenuItem value="local">Local ({DateTime.local().zoneName})</MenuItem>
        </TextField>
        <Box ml={2} mt={3}>
          <Button
            variant="outlined"
            onClick={() => onChange(toRfc3339Utc(window.to))}
          >
            Latest point
          </Button>
        </Box>
      </Box>
    </Box>
  );
}
