import { Table, TableColumn } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type {
  RestoreListItem,
  VeleroRestore,
} from '@internal/plugin-backups-common';
import { EntityScope } from '../../utils/EntityScope';
import { LogsButton } from '../LogsDialog';
import { PhaseChip } from '../PhaseChip';
import { RelativeTime } from '../RelativeTime';
import { RequestedBy } from './RequestedBy';
import { RestoreRow, restoreRows } from './restoreRows';

function percent(r: RestoreRow) {
  if (!r.totalItems) return undefined;
  return Math.round(((r.itemsRestored ?? 0) / r.totalItems) * 100);
}

function columnsFor(scope: EntityScope): TableColumn<RestoreRow>[] {
  return [
    { title: 'Restore', field: 'name', highlight: true, width: '18%' },
    { title: 'From backup', field: 'backupName', width: '16%' },
    { title: 'Target', field: 'target', emptyValue: '–', width: '12%' },
    {
      title: 'Phase',
      field: 'phase',
      width: '11%',
      render: r => <PhaseChip phase={r.phase} />,
    },
    {
      title: 'Progress',
      width: '11%',
      render: r => {
        const value = percent(r);
        if (value === undefined) return '–';
        return (
          <>
            <LinearProgress variant="determinate" value={value} />
            <Typography variant="caption">
              {r.itemsRestored ?? 0} of {r.totalItems} items
            </Typography>
          </>
        );
      },
    },
    {
      title: 'Requested',
      field: 'startedAt',
      defaultSort: 'desc',
      width: '12%',
      render: r => (
        <>
          <RelativeTime time={r.startedAt} />
          <RequestedBy userRef={r.requestedBy} />
        </>
      ),
    },
    {
      title: 'Errors / warnings',
      width: '12%',
      render: r =>
        `${r.errors ?? 0} / ${r.warnings ?? 0}${
          r.failureReason ? ` – ${r.failureReason}` : ''
        }`,
    },
    {
      title: 'Log',
      width: '8%',
      sorting: false,
      render: r => (
        <LogsButton scope={scope} target={{ kind: 'restore', name: r.name }} />
      ),
    },
  ];
}

/**
 * Velero restores of the entity's backups, and those requested through
 * Backstage with who asked; refreshed with the tab.
 */
export function RestoresTable(props: {
  restores: VeleroRestore[];
  made: RestoreListItem[];
  scope: EntityScope;
}) {
  return (
    <div data-testid="restores-table">
      <Table<RestoreRow>
        title="Velero restores"
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          tableLayout: 'fixed',
        }}
        columns={columnsFor(props.scope).map(c => ({
          ...c,
          cellStyle: { overflowWrap: 'anywhere', verticalAlign: 'top' },
        }))}
        data={restoreRows(props.restores, props.made)}
        emptyContent={
          <Typography style={{ padding: 16 }}>No restores yet.</Typography>
        }
      />
    </div>
  );
}
