import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { VolsyncSection } from '@internal/plugin-backups-common';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { describeCron } from '../../utils/describeCron';
import { formatRelative } from '../../utils/formatTime';

function retention(retain?: Record<string, number | string>) {
  if (!retain) return 'not set';
  return Object.entries(retain)
    .map(([period, count]) => `${count} ${period}`)
    .join(', ');
}

/** VolSync ReplicationSources: last and next sync, mover result and retention. */
export function VolsyncCard(props: { volsync: VolsyncSection }) {
  const { sources } = props.volsync;
  return (
    <InfoCard title="Filestore copies (VolSync)">
      {sources.length === 0 && (
        <Typography>No VolSync ReplicationSource in this namespace.</Typography>
      )}
      {sources.map(source => (
        <Box key={source.name} mb={2}>
          <Typography variant="body2">
            <b>{source.name}</b> copies PVC {source.sourcePVC ?? '?'} with
            restic (repository secret {source.repository ?? '?'}){' '}
            <PhaseChip phase={source.moverResult} />
          </Typography>
          <Typography variant="caption" display="block">
            {source.schedule
              ? `${describeCron(source.schedule)} (${source.schedule})`
              : `manual trigger ${source.manual ?? ''}`}
            {' · '}last sync <RelativeTime time={source.lastSyncTime} />
            {source.lastSyncDuration
              ? ` took ${source.lastSyncDuration}`
              : ''}{' '}
            · next {formatRelative(source.nextSyncTime)} · keeps{' '}
            {retention(source.retain)}
          </Typography>
          {source.synchronizing && (
            <Typography variant="caption" display="block" color="textSecondary">
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
      ))}
    </InfoCard>
  );
}
