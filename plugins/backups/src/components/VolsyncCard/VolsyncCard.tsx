import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  VOLSYNC_CRON_DIALECT,
  type Tier,
  type VolsyncSection,
} from '@internal/plugin-backups-common';
import { CronInfoText } from '../CronInfoText';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { cronInfoFor } from '../../utils/cronInfoFor';

function retention(retain?: Record<string, number | string>) {
  if (!retain) return 'not set';
  return Object.entries(retain)
    .map(([period, count]) => `${count} ${period}`)
    .join(', ');
}

/** VolSync ReplicationSources: schedule, last sync, mover result and retention. */
export function VolsyncCard(props: { volsync: VolsyncSection; tiers: Tier[] }) {
  const { sources } = props.volsync;
  return (
    <InfoCard title="Filestore copies (VolSync)">
      {sources.length === 0 && (
        <Typography>No VolSync ReplicationSource in this namespace.</Typography>
      )}
      {sources.map(source => {
        const tier = props.tiers.find(
          t => t.kind === 'volsync' && t.name === source.name,
        );
        return (
          <Box key={source.name} mb={2} style={{ overflowWrap: 'anywhere' }}>
            <Typography variant="body2">
              <b>{source.name}</b> copies PVC {source.sourcePVC ?? '?'} with
              restic (repository secret {source.repository ?? '?'}){' '}
              <PhaseChip phase={source.moverResult} />
            </Typography>
            {source.schedule ? (
              <CronInfoText
                cron={{
                  suspended: source.paused,
                  ...cronInfoFor(tier?.schedules ?? [], {
                    role: 'sync',
                    source: source.name,
                    expression: source.schedule,
                    dialect: VOLSYNC_CRON_DIALECT,
                  }),
                }}
              />
            ) : (
              <Typography variant="body2">
                manual trigger {source.manual ?? ''}
              </Typography>
            )}
            <Typography variant="caption" display="block">
              last sync <RelativeTime time={source.lastSyncTime} />
              {source.lastSyncDuration
                ? ` took ${source.lastSyncDuration}`
                : ''}{' '}
              · keeps {retention(source.retain)}
            </Typography>
            {source.synchronizing && (
              <Typography
                variant="caption"
                display="block"
                color="textSecondary"
              >
                Synchronizing: {source.synchronizing.status} (
                {source.synchronizing.reason})
                {source.synchronizing.message
                  ? ` ${source.synchronizing.message}`
                  : ''}
              </Typography>
            )}
            {source.moverResult === 'Failed' && source.moverLogs && (
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
                {source.moverLogs}
              </pre>
            )}
          </Box>
        );
      })}
    </InfoCard>
  );
}
