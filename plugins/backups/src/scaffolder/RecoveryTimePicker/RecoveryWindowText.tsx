import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { RecoveryWindow } from './recoveryTarget';

/** A time in UTC, then in the user's zone. */
export function bothZones(time: DateTime): string {
  const utc = time.toUTC().toFormat("yyyy-LL-dd HH:mm:ss 'UTC'");
  const local = time.toLocal();
  return local.offset === 0
    ? utc
    : `${utc} (${local.toFormat('yyyy-LL-dd HH:mm:ss ZZZZ')})`;
}

/** The recoverability window, in UTC and in the user's zone. */
export function RecoveryWindowText(props: {
  window: RecoveryWindow;
  cluster: string;
}) {
  return (
    <>
      <Typography variant="body2" data-testid="recovery-window">
        {props.cluster} can be recovered from {bothZones(props.window.from)} to{' '}
        {bothZones(props.window.to)}.
      </Typography>
      <Typography variant="caption" color="textSecondary">
        The first point is the end of the oldest base backup; the last follows
        WAL archiving and moves on. The time is checked again when you go on.
      </Typography>
    </>
  );
}
