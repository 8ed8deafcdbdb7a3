import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Coverage } from '@internal/plugin-backups-common';
import { StatusChip } from '../StatusChip';

type Row = Coverage & { id: string };

const columns: TableColumn<Row>[] = [
  { title: 'PVC', field: 'pvc', highlight: true },
  {
    title: 'Covered',
    render: row => (
      <StatusChip status={row.coveredBy.length > 0 ? 'healthy' : 'critical'} />
    ),
  },
  {
    title: 'Covered by',
    render: row =>
      row.coveredBy.length === 0
        ? 'nothing'
        : row.coveredBy.map(t => `${t.kind}/${t.name}`).join(', '),
  },
  {
    title: 'How to fix',
    render: row =>
      (row.hints ?? []).map(hint => (
        <Typography key={hint} variant="caption" display="block">
          {hint}
        </Typography>
      )),
  },
];

/** Every PVC of the namespace, with the tiers that really cover it. */
export function CoverageTable(props: { coverage: Coverage[] }) {
  const data = props.coverage.map(c => ({
    ...c,
    id: `${c.namespace}/${c.pvc}`,
  }));
  return (
    <Table<Row>
      title="Coverage"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={data}
      emptyContent={
        <Typography style={{ padding: 16 }}>
          No PersistentVolumeClaim in this namespace.
        </Typography>
      }
    />
  );
}
