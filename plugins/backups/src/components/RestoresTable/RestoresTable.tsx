import { Table, TableColumn } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { VeleroRestore } from '@internal/plugin-backups-common';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';

function progress(restore: VeleroRestore) {
  if (!restore.totalItems) return undefined;
  return Math.round(((restore.itemsRestored ?? 0) / restore.totalItems) * 100);
}

const columns: TableColumn<VeleroRestore>[] = [
  { title: 'Restore', field: 'name', highlight: true, width: '18%' },
  { title: 'From backup', field: 'backupName', width: '18%' },
  {
    title: 'Phase',
    field: 'phase',
    width: '11%',
    render: r => <PhaseChip phase={r.phase} />,
  },
  {
    title: 'Progress',
    width: '12%',
    render: r => {
      const percent = progress(r);
      if (percent === undefined) return '–';
      return (
        <>
          <LinearProgress variant="determinate" value={percent} />
          <Typography variant="caption">
            {r.itemsRestored ?? 0}/{r.totalItems} items
          </Typography>
        </>
      );
    },
  },
  {
    title: 'Started',
    field: 'startTimestamp',
    defaultSort: 'desc',
    width: '10%',
    render: r => <RelativeTime time={r.startTimestamp} />,
  },
  {
    title: 'Errors / warnings',
    width: '16%',
    render: r =>
      `${r.errors ?? 0} / ${r.warnings ?? 0}${
        r.failureReason ? ` – ${r.failureReason}` : ''
      }`,
  },
  {
    title: 'Namespace mapping',
    width: '15%',
    render: r =>
      Object.entries(r.namespaceMapping ?? {})
        .map(([from, to]) => `${from} → ${to}`)
        .join(', ') || '–',
  },
];

/** Velero restores of the entity's backups, refreshed with the tab. */
export function RestoresTable(props: { restores: VeleroRestore[] }) {
  return (
    <Table<VeleroRestore>
      title="Velero restores"
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        tableLayout: 'fixed',
      }}
      columns={columns.map(c => ({
        ...c,
        cellStyle: { overflowWrap: 'anywhere' },
      }))}
      data={props.restores}
      emptyContent={
        <Typography style={{ padding: 16 }}>No restores yet.</Typography>
      }
    />
  );
}
