import type { CSSProperties } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Coverage, TierStatus } from '@internal/plugin-backups-common';
import { StatusChip } from '../StatusChip';
import { CoveredBy } from './CoveredBy';

type Row = Coverage & { id: string };

// Backstage's Table adds to a highlighted column's style object, so hand it a fresh one.
const wrap = (): CSSProperties => ({
  overflowWrap: 'anywhere',
  verticalAlign: 'top',
});

/** Unknown when it could not be decided; at risk when a tier meant to cover it does not. */
function coverageStatus(row: Coverage): TierStatus {
  if (row.unknown) return 'unknown';
  if (row.coveredBy.length === 0) return 'critical';
  if ((row.hints ?? []).length > 0 || row.excludedFromVelero) return 'warning';
  return 'healthy';
}

const columns: TableColumn<Row>[] = [
  {
    title: 'PVC',
    field: 'pvc',
    highlight: true,
    width: '20%',
    cellStyle: wrap,
    render: row => <span data-testid={`coverage-${row.pvc}`}>{row.pvc}</span>,
  },
  {
    title: 'Covered',
    width: '12%',
    cellStyle: wrap,
    render: row => <StatusChip status={coverageStatus(row)} />,
  },
  {
    title: 'Covered by',
    width: '33%',
    cellStyle: wrap,
    render: row => <CoveredBy row={row} />,
  },
  {
    title: 'How to fix',
    width: '35%',
    cellStyle: wrap,
    render: row =>
      (row.hints ?? []).map(hint => (
        <Typography key={hint} variant="caption" display="block">
          {hint}
        </Typography>
      )),
  },
];

/** Every PVC of the namespace, with the tiers that really cover it and how. */
export function CoverageTable(props: { coverage: Coverage[] }) {
  const data = props.coverage.map(c => ({
    ...c,
    id: `${c.namespace}/${c.pvc}`,
  }));
  return (
    <Table<Row>
      title="Coverage"
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        tableLayout: 'fixed',
      }}
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
