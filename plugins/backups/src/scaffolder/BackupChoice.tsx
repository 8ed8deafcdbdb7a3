import Typography from '@material-ui/core/Typography';
import { PhaseChip } from '../components/PhaseChip';
import { RelativeTime } from '../components/RelativeTime';
import { RestorableBackup } from './restorableBackups';

/** A backup as the picker lists it: name, age, phase, warnings, and its cluster when there are several. */
export function BackupChoice(props: {
  backup: RestorableBackup;
  showCluster: boolean;
}) {
  const { backup, showCluster } = props;
  const warnings = backup.warnings ?? 0;
  return (
    <div data-testid={`backup-choice-${backup.name}`}>
      <Typography variant="body1">{backup.name}</Typography>
      <Typography variant="body2" color="textSecondary" component="div">
        <RelativeTime time={backup.startTimestamp} /> ·{' '}
        <PhaseChip phase={backup.phase} /> · {warnings} warning(s)
        {showCluster && <> · cluster {backup.cluster}</>}
      </Typography>
      {backup.phase === 'PartiallyFailed' && (
        <Typography variant="caption" color="error" display="block">
          Partly failed: some items are missing from it; restoring it needs your
          acknowledgement in the options.
        </Typography>
      )}
    </div>
  );
}
