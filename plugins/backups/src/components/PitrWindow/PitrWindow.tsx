import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { CnpgBackup, CnpgCluster } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { formatAbsolute, formatRelative } from '../../utils/formatTime';

const useStyles = makeStyles(theme => ({
  track: {
    position: 'relative',
    height: 18,
    borderRadius: 4,
    background: theme.palette.action.disabledBackground,
    margin: theme.spacing(1, 0),
  },
  window: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    borderRadius: 4,
  },
  marker: {
    position: 'absolute',
    top: -3,
    width: 3,
    height: 24,
    background: theme.palette.text.primary,
  },
}));

/**
 * The point-in-time recovery window of one CNPG cluster: a bar from the first
 * recoverability point to now, with base backups marked.
 */
export function PitrWindow(props: {
  cluster: CnpgCluster;
  backups: CnpgBackup[];
  now?: DateTime;
}) {
  const classes = useStyles();
  const { cluster } = props;
  const now = props.now ?? DateTime.now();
  const first = cluster.firstRecoverabilityPoint
    ? DateTime.fromISO(cluster.firstRecoverabilityPoint)
    : undefined;
  const archiving = cluster.continuousArchiving;
  const archivingOk = archiving?.status === 'True';
  const start = first ?? now.minus({ days: 7 });
  const span = Math.max(now.diff(start).as('milliseconds'), 1);
  const position = (iso?: string) =>
    iso
      ? Math.min(
          100,
          Math.max(
            0,
            (DateTime.fromISO(iso).diff(start).as('milliseconds') / span) * 100,
          ),
        )
      : 0;
  const baseBackups = props.backups.filter(
    b => b.cluster === cluster.name && b.phase === 'completed' && b.stoppedAt,
  );

  return (
    <Box data-testid={`pitr-${cluster.name}`}>
      <Typography variant="subtitle2">
        {cluster.name}: restorable{' '}
        {first ? `from ${formatAbsolute(first.toISO())}` : '(start unknown)'} to{' '}
        {archivingOk
          ? 'now (WAL archiving is continuous)'
          : 'the last archived WAL'}
      </Typography>
      <div className={classes.track}>
        {first && (
          <div
            className={classes.window}
            style={{
              left: 0,
              right: 0,
              background: archivingOk ? '#4caf50' : '#ff9800',
            }}
          />
        )}
        {baseBackups.map(b => (
          <Tooltip
            key={b.name}
            title={`Base backup ${b.name} ended ${formatAbsolute(b.stoppedAt)}`}
          >
            <div
              className={classes.marker}
              style={{ left: `${position(b.stoppedAt)}%` }}
            />
          </Tooltip>
        ))}
      </div>
      <Typography
        variant="caption"
        color={archivingOk ? 'textSecondary' : 'error'}
      >
        WAL archiving:{' '}
        {archiving
          ? `${archiving.status === 'True' ? 'working' : 'failing'} (${
              archiving.reason ?? 'no reason'
            })`
          : 'unknown'}
        {archiving?.lastTransitionTime
          ? `, since ${formatRelative(archiving.lastTransitionTime)}`
          : ''}
        {archiving?.message && !archivingOk ? `: ${archiving.message}` : ''}
        {cluster.lastSuccessfulBackup
          ? ` · last base backup ${formatRelative(
              cluster.lastSuccessfulBackup,
            )}`
          : ''}
      </Typography>
    </Box>
  );
}
