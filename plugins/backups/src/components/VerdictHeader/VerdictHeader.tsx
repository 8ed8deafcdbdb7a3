import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import type { BackupsOverview, Tier } from '@internal/plugin-backups-common';
import { StatusChip } from '../StatusChip';
import { formatAbsolute, formatRelative } from '../../utils/formatTime';

const HEADLINES = {
  healthy: 'Every backup tier is healthy.',
  warning: 'Some backup tiers are at risk.',
  critical: 'Some backup tiers are failing.',
  unknown: 'The backup state could not be proven.',
};

function newestRecoveryPoint(tiers: Tier[]): string | undefined {
  return tiers
    .map(tier => tier.lastRecoveryPoint)
    .filter((point): point is string => Boolean(point))
    .sort()
    .pop();
}

/** Overall verdict, the time it was computed, and a refresh control. */
export function VerdictHeader(props: {
  overview: BackupsOverview;
  refreshing: boolean;
  onRefresh: () => void;
  refreshIntervalSeconds: number;
}) {
  const { overview, refreshing, onRefresh, refreshIntervalSeconds } = props;
  const tiers = overview.clusters.flatMap(cluster => cluster.tiers);
  const newest = newestRecoveryPoint(tiers);
  return (
    <InfoCard>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        justifyContent="space-between"
        style={{ gap: 8 }}
      >
        <Box minWidth={0}>
          <Typography variant="h5" data-testid="backups-verdict">
            <StatusChip status={overview.status} /> {HEADLINES[overview.status]}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {tiers.length} tier{tiers.length === 1 ? '' : 's'} on{' '}
            {overview.clusters.length} cluster
            {overview.clusters.length === 1 ? '' : 's'}
            {newest ? ` · newest recovery point ${formatAbsolute(newest)}` : ''}
          </Typography>
        </Box>
        <Box display="flex" alignItems="center" minWidth={0}>
          <Typography
            variant="caption"
            color="textSecondary"
            data-testid="backups-refresh-note"
          >
            as of {formatAbsolute(overview.generatedAt)} (
            {formatRelative(overview.generatedAt)}), refreshes every{' '}
            {refreshIntervalSeconds}s
          </Typography>
          <Tooltip title="Refresh now">
            <span>
              <IconButton
                aria-label="Refresh"
                onClick={onRefresh}
                disabled={refreshing}
              >
                <RefreshIcon />
              </IconButton>
            </span>
          </Tooltip>
        </Box>
      </Box>
    </InfoCard>
  );
}
