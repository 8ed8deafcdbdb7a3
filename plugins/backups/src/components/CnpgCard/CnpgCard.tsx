import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { CnpgBackup, CnpgSection } from '@internal/plugin-backups-common';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { PitrWindow } from '../PitrWindow';
import { describeCron } from '../../utils/describeCron';
import {
  formatRelative,
  formatSeconds,
  secondsBetween,
} from '../../utils/formatTime';

const backupColumns: TableColumn<CnpgBackup>[] = [
  { title: 'Base backup', field: 'name', highlight: true },
  { title: 'Cluster', field: 'cluster' },
  { title: 'Method', field: 'method' },
  {
    title: 'Phase',
    field: 'phase',
    render: b => <PhaseChip phase={b.phase} />,
  },
  {
    title: 'Started',
    field: 'startedAt',
    defaultSort: 'desc',
    render: b => <RelativeTime time={b.startedAt} />,
  },
  {
    title: 'Duration',
    render: b => formatSeconds(secondsBetween(b.startedAt, b.stoppedAt)),
  },
  { title: 'Begin WAL', field: 'beginWal' },
  { title: 'End WAL', field: 'endWal' },
  { title: 'Error', field: 'error' },
];

/** CloudNativePG clusters: instances, the PITR window and base backups. */
export function CnpgCard(props: { cnpg: CnpgSection }) {
  const { clusters, backups, scheduledBackups } = props.cnpg;
  return (
    <InfoCard title="PostgreSQL (CloudNativePG)">
      {clusters.length === 0 && (
        <Typography>No CloudNativePG cluster in this namespace.</Typography>
      )}
      {clusters.map(cluster => (
        <Box key={cluster.name} mb={2}>
          <Typography variant="body2">
            <b>{cluster.name}</b>: {cluster.readyInstances ?? 0}/
            {cluster.instances ?? 0} instances ready, primary{' '}
            {cluster.currentPrimary ?? 'unknown'} · {cluster.phase}
            {cluster.destinationPath
              ? ` · archives to ${cluster.destinationPath}`
              : ''}
            {cluster.objectStore ? ` (ObjectStore ${cluster.objectStore})` : ''}
          </Typography>
          {scheduledBackups
            .filter(s => s.cluster === cluster.name)
            .map(s => (
              <Typography key={s.name} variant="caption" display="block">
                ScheduledBackup {s.name}: {describeCron(s.schedule)} (
                {s.schedule}){s.suspend ? ', suspended' : ''}
                {s.nextScheduleTime
                  ? `, next ${formatRelative(s.nextScheduleTime)}`
                  : ''}
              </Typography>
            ))}
          <PitrWindow cluster={cluster} backups={backups} />
        </Box>
      ))}
      {backups.length > 0 && (
        <Table<CnpgBackup>
          options={{
            paging: backups.length > 10,
            pageSize: 10,
            search: false,
            padding: 'dense',
            toolbar: false,
          }}
          columns={backupColumns}
          data={backups}
        />
      )}
    </InfoCard>
  );
}
