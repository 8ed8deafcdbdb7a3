import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  RestoreCreated,
  VeleroBackup,
} from '@internal/plugin-backups-common';
import { ReactNode } from 'react';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { EntityScope } from '../../utils/EntityScope';
import { formatSeconds, secondsBetween } from '../../utils/formatTime';
import { BackupActions } from './BackupActions';

type Row = VeleroBackup & { id: string; durationSeconds?: number };

function snapshots(row: Row): string | undefined {
  if (
    row.csiVolumeSnapshotsAttempted === undefined &&
    row.volumeSnapshotsAttempted === undefined
  )
    return undefined;
  return `CSI ${row.csiVolumeSnapshotsCompleted ?? 0}/${
    row.csiVolumeSnapshotsAttempted ?? 0
  }, volume ${row.volumeSnapshotsCompleted ?? 0}/${
    row.volumeSnapshotsAttempted ?? 0
  }`;
}

function columnsFor(
  phases: string[],
  actions: (backup: VeleroBackup) => ReactNode,
): TableColumn<Row>[] {
  const columns: TableColumn<Row>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      width: '19%',
      render: row => (
        <>
          {row.name}
          {row.storageLocation && (
            <Typography variant="caption" color="textSecondary" display="block">
              to {row.storageLocation}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Phase',
      field: 'phase',
      lookup: Object.fromEntries(phases.map(p => [p, p])),
      width: '16%',
      render: row => <PhaseChip phase={row.phase} />,
    },
    {
      title: 'Schedule',
      field: 'schedule',
      emptyValue: 'manual',
      width: '10%',
    },
    {
      title: 'Started',
      field: 'startTimestamp',
      defaultSort: 'desc',
      width: '11%',
      render: row => (
        <>
          <RelativeTime time={row.startTimestamp} />
          {row.durationSeconds !== undefined && (
            <Typography variant="caption" color="textSecondary" display="block">
              took <span>{formatSeconds(row.durationSeconds)}</span>
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Expires',
      field: 'expiration',
      width: '9%',
      render: row => <RelativeTime time={row.expiration} />,
    },
    {
      title: 'Items',
      width: '10%',
      render: row => (
        <>
          {row.totalItems === undefined
            ? '–'
            : `${row.itemsBackedUp ?? 0}/${row.totalItems}`}
          <Typography variant="caption" color="textSecondary" display="block">
            {snapshots(row)}
          </Typography>
        </>
      ),
    },
    {
      title: 'Errors / warnings',
      width: '12%',
      render: row => (
        <>
          <Typography
            variant="body2"
            color={row.errors ? 'error' : 'textPrimary'}
          >
            {row.errors ?? 0} / {row.warnings ?? 0}
          </Typography>
          {row.failureReason && (
            <Typography variant="caption" color="error" display="block">
              {row.failureReason}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Actions',
      width: '13%',
      sorting: false,
      render: row => actions(row),
    },
  ];
  // Filter by phase and schedule; the search box covers names.
  return columns.map(c => ({
    ...c,
    cellStyle: { overflowWrap: 'break-word', verticalAlign: 'top' },
    filtering: c.field === 'phase' || c.field === 'schedule',
  }));
}

/**
 * Velero backups of the entity's schedules and manual backups of its namespace.
 * Paged and searchable, so thousands of rows stay usable; each row offers its
 * log and, when restorable, a restore.
 */
export function VeleroBackupsTable(props: {
  backups: VeleroBackup[];
  scope: EntityScope;
  onRestored: (restore: RestoreCreated) => void;
}) {
  const { scope, onRestored } = props;
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
        tableLayout: 'fixed',
      }}
      columns={columnsFor([...new Set(data.map(b => b.phase))].sort(), b => (
        <BackupActions scope={scope} backup={b} onRestored={onRestored} />
      ))}
      data={data}
      emptyContent={
        <Typography style={{ padding: 16 }}>No Velero backups yet.</Typography>
      }
    />
  );
}
