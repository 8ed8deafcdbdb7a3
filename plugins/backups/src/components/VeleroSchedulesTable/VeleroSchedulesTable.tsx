import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { VeleroSchedule } from '@internal/plugin-backups-common';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { describeCron } from '../../utils/describeCron';

const columns: TableColumn<VeleroSchedule>[] = [
  { title: 'Schedule', field: 'name', highlight: true },
  {
    title: 'When',
    field: 'schedule',
    render: s => (
      <>
        <Typography variant="body2">{describeCron(s.schedule)}</Typography>
        <Typography variant="caption" color="textSecondary">
          {s.schedule}
        </Typography>
      </>
    ),
  },
  {
    title: 'Phase',
    field: 'phase',
    render: s => (
      <>
        <PhaseChip phase={s.paused ? 'Paused' : s.phase} />
        {s.validationErrors?.map(e => (
          <Typography key={e} variant="caption" color="error" display="block">
            {e}
          </Typography>
        ))}
      </>
    ),
  },
  { title: 'TTL', field: 'ttl' },
  {
    title: 'Namespaces',
    render: s => s.includedNamespaces.join(', ') || '* (all)',
  },
  { title: 'Label selector', field: 'labelSelector', emptyValue: '(none)' },
  { title: 'Location', field: 'storageLocation' },
  {
    title: 'Last backup',
    field: 'lastBackup',
    render: s => <RelativeTime time={s.lastBackup} />,
  },
];

/** The Velero schedules whose backups include the entity's namespace. */
export function VeleroSchedulesTable(props: { schedules: VeleroSchedule[] }) {
  return (
    <Table<VeleroSchedule>
      title="Velero schedules"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.schedules}
      emptyContent={
        <Typography style={{ padding: 16 }}>
          No Velero schedule includes this namespace.
        </Typography>
      }
    />
  );
}
