import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { VeleroBackup } from '@internal/plugin-backups-common';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { formatSeconds, secondsBetween } from '../../utils/formatTime';

type Row = VeleroBackup & { id: string; durationSeconds?: number };

function columnsFor(phases: string[]): TableColumn<Row>[] {
  const columns: TableColumn<Row>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Phase',
      field: 'phase',
      lookup: Object.fromEntries(phases.map(p => [p, p])),
      render: row => <PhaseChip phase={row.phase} />,
    },
    { title: 'Schedule', field: 'schedule', emptyValue: 'manual' },
    {
      title: 'Started',
      field: 'startTimestamp',
      defaultSort: 'desc',
      render: row => <RelativeTime time={row.startTimestamp} />,
    },
    {
      title: 'Duration',
      field: 'durationSeconds',
      render: row => formatSeconds(row.durationSeconds),
    },
    {
      title: 'Expires',
      field: 'expiration',
      render: row => <RelativeTime time={row.expiration} />,
    },
    {
      title: 'Items',
      render: row =>
        row.totalItems === undefined
          ? '–'
          : `${row.itemsBackedUp ?? 0}/${row.totalItems}`,
    },
    {
      title: 'Snapshots (CSI)',
      render: row =>
        row.csiVolumeSnapshotsAttempted === undefined &&
        row.volumeSnapshotsAttempted === undefined
          ? '–'
          : `${row.csiVolumeSnapshotsCompleted ?? 0}/${
              row.csiVolumeSnapshotsAttempted ?? 0
            } (volume ${row.volumeSnapshotsCompleted ?? 0}/${
              row.volumeSnapshotsAttempted ?? 0
            })`,
    },
    {
      title: 'Errors / warnings',
      render: row => (
        <Typography
          variant="body2"
          color={row.errors ? 'error' : 'textPrimary'}
          title={row.failureReason}
        >
          {row.errors ?? 0} / {row.warnings ?? 0}
          {row.failureReason ? ` – ${row.failureReason}` : ''}
        </Typography>
      ),
    },
    { title: 'Location', field: 'storageLocation' },
  ];
  // Filter by phase and schedule; the search box covers names.
  return columns.map(c => ({
    ...c,
    filtering: c.field === 'phase' || c.field === 'schedule',
  }));
}

/**
 * Velero backups of the entity's schedules and manual backups of its namespace.
 * Paged and searchable, so thousands of rows stay usable.
 */
export function VeleroBackupsTable(props: { backups: VeleroBackup[] }) {
  const data: Row[] = props.backups.map(backup => ({
    ...backup,
    id: backup.name,
    durationSeconds: secondsBetween(
      backup.startTimestamp,
      backup.completionTimestamp,
    ),
  }));
  return (
    <Table<Row>
      title="Velero backups"
      options={{
        paging: true,
        pageSize: 10,
        pageSizeOptions: [10, 25, 100],
        search: true,
        filtering: true,
        padding: 'dense',
      }}
      columns={columnsFor([...new Set(data.map(b => b.phase))].sort())}
      data={data}
      emptyContent={
        <Typography style={{ padding: 16 }}>No Velero backups yet.</Typography>
      }
    />
  );
}
