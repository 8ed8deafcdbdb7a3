import Typography from '@material-ui/core/Typography';
import type { RestorePlan } from '@internal/plugin-backups-common';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';

/** The backup a plan restores: phase, age, expiry, storage location, warnings and errors. */
export function PlanBackupFacts(props: { backup: RestorePlan['backup'] }) {
  const { backup } = props;
  return (
    <Typography variant="body2" component="div">
      <PhaseChip phase={backup.phase} /> taken{' '}
      <RelativeTime time={backup.startTimestamp} />, expires{' '}
      <RelativeTime time={backup.expiration} />, stored in{' '}
      <strong>{backup.storageLocation ?? 'the default location'}</strong>;{' '}
      <span data-testid="restore-plan-backup-issues">
        {backup.errors ?? 0} error(s), {backup.warnings ?? 0} warning(s)
      </span>
    </Typography>
  );
}
