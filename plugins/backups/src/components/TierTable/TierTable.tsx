import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Tier } from '@internal/plugin-backups-common';
import { StatusChip } from '../StatusChip';
import { describeCron } from '../../utils/describeCron';
import {
  formatAbsolute,
  formatRelative,
  formatSeconds,
} from '../../utils/formatTime';

function scheduleText(tier: Tier) {
  if (!tier.schedule) return '–';
  const parts = tier.schedule.split(/,\s*base\s+/);
  // CNPG tiers read "WAL continuous, base <cron>".
  if (parts.length === 2) {
    return `${parts[0]}, base ${describeCron(parts[1])}`;
  }
  return describeCron(tier.schedule);
}

const columns: TableColumn<Tier>[] = [
  {
    title: 'Status',
    field: 'status',
    render: tier => <StatusChip status={tier.status} reasons={tier.reasons} />,
  },
  {
    title: 'Component',
    field: 'component',
    render: tier => (
      <>
        <Typography variant="body2">{tier.component}</Typography>
        <Typography variant="caption" color="textSecondary">
          {tier.kind}/{tier.name}
        </Typography>
      </>
    ),
  },
  { title: 'Method', field: 'method' },
  { title: 'Destination', field: 'destination' },
  {
    title: 'Schedule',
    field: 'schedule',
    render: tier => (
      <>
        <Typography variant="body2">{scheduleText(tier)}</Typography>
        <Typography variant="caption" color="textSecondary">
          {tier.schedule}
        </Typography>
      </>
    ),
  },
  { title: 'Retention', field: 'retention' },
  {
    title: 'Last recovery point',
    field: 'lastRecoveryPoint',
    render: tier => (
      <>
        <Typography variant="body2">
          {formatRelative(tier.lastRecoveryPoint)}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {formatAbsolute(tier.lastRecoveryPoint)}
        </Typography>
      </>
    ),
  },
  {
    title: 'RPO actual / target',
    render: tier => (
      <Typography
        variant="body2"
        color={
          tier.rpoActualSeconds !== null &&
          tier.rpoTargetSeconds !== null &&
          tier.rpoActualSeconds > tier.rpoTargetSeconds
            ? 'error'
            : 'textPrimary'
        }
      >
        {formatSeconds(tier.rpoActualSeconds)} /{' '}
        {formatSeconds(tier.rpoTargetSeconds)}
      </Typography>
    ),
  },
  {
    title: 'Why',
    cellStyle: { minWidth: 360 },
    headerStyle: { minWidth: 360 },
    render: tier =>
      tier.reasons.length === 0 ? (
        '–'
      ) : (
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {tier.reasons.map(reason => (
            <li key={reason}>
              <Typography variant="caption">{reason}</Typography>
            </li>
          ))}
        </ul>
      ),
  },
];

/** The seed's "Backup Strategy Summary", made live: one row per tier. */
export function TierTable(props: { tiers: Tier[]; title?: string }) {
  return (
    <Table<Tier>
      title={props.title ?? 'Recovery tiers'}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.tiers}
      emptyContent={
        <Typography style={{ padding: 16 }}>
          No backup mechanism was found for this entity.
        </Typography>
      }
    />
  );
}
