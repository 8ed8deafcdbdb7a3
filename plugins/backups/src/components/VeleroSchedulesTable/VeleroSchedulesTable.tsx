import type { CSSProperties } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  VELERO_CRON_DIALECT,
  type CronInfo,
  type VeleroSchedule,
} from '@internal/plugin-backups-common';
import { CronInfoText } from '../CronInfoText';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { cronInfoFor } from '../../utils/cronInfoFor';

type Row = VeleroSchedule & { id: string; cron: CronInfo };

// Backstage's Table adds to a highlighted column's style object, so hand it a fresh one.
const wrap = (): CSSProperties => ({ overflowWrap: 'anywhere' });

const columns: TableColumn<Row>[] = [
  {
    title: 'Schedule',
    field: 'name',
    highlight: true,
    width: '22%',
    cellStyle: wrap,
    render: s => (
      <>
        <Typography variant="body2">{s.name}</Typography>
        <Typography variant="caption" color="textSecondary">
          to {s.storageLocation ?? 'the default location'}
          {s.ttl ? ` · TTL ${s.ttl}` : ''}
        </Typography>
      </>
    ),
  },
  {
    title: 'When',
    field: 'schedule',
    width: '24%',
    cellStyle: wrap,
    render: s => <CronInfoText cron={s.cron} />,
  },
  {
    title: 'Phase',
    field: 'phase',
    width: '16%',
    cellStyle: wrap,
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
  {
    title: 'What',
    width: '24%',
    cellStyle: wrap,
    render: s => (
      <>
        <Typography variant="body2">
          {s.includedNamespaces.join(', ') || '* (all namespaces)'}
        </Typography>
        <Typography variant="caption" color="textSecondary" display="block">
          {s.labelSelector
            ? `selector ${s.labelSelector}`
            : 'no label selector'}
        </Typography>
        {s.selectorError && (
          <Typography variant="caption" color="error" display="block">
            {s.selectorError}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Last backup',
    field: 'lastBackup',
    width: '14%',
    render: s => <RelativeTime time={s.lastBackup} />,
  },
];

/** The Velero schedules whose backups include the entity's namespace. */
export function VeleroSchedulesTable(props: {
  schedules: VeleroSchedule[];
  /** The tiers' schedules as the server read them. */
  crons: CronInfo[];
}) {
  const data: Row[] = props.schedules.map(s => ({
    ...s,
    id: s.name,
    cron: cronInfoFor(props.crons, {
      role: 'backup',
      source: s.name,
      expression: s.schedule,
      dialect: VELERO_CRON_DIALECT,
    }),
  }));
  return (
    <Table<Row>
      title="Velero schedules"
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
          No Velero schedule includes this namespace.
        </Typography>
      }
    />
  );
}
