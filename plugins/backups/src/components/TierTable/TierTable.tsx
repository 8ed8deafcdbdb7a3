import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { Tier } from '@internal/plugin-backups-common';
import { EntityScope } from '../../utils/EntityScope';
import { TierRows } from './TierRows';

/** Headers and their share of the width; the table never grows past its card. */
const COLUMNS: Array<[string, string]> = [
  ['Status', '10%'],
  ['Component', '15%'],
  ['Method / destination', '15%'],
  ['Schedule', '16%'],
  ['Last recovery point', '17%'],
  ['RPO actual / target', '10%'],
  ['Last proven restore', '17%'],
];

/** The seed's "Backup Strategy Summary", made live: one row per tier. */
export function TierTable(props: {
  tiers: Tier[];
  title?: string;
  /** Set when the tab shows several clusters, to keep anchors apart. */
  cluster?: string;
  /** Where restore drills of these tiers run; no drill column without it. */
  scope?: EntityScope;
  onDrillEnded?: () => void;
}) {
  const { tiers, cluster } = props;
  return (
    <InfoCard title={props.title ?? 'Recovery tiers'} noPadding>
      {tiers.length === 0 ? (
        <Typography style={{ padding: 16 }}>
          No backup mechanism was found for this entity.
        </Typography>
      ) : (
        <Table
          size="small"
          style={{ tableLayout: 'fixed', width: '100%' }}
          data-testid="tier-table"
        >
          <colgroup>
            {COLUMNS.map(([title, width]) => (
              <col key={title} style={{ width }} />
            ))}
          </colgroup>
          <TableHead>
            <TableRow>
              {COLUMNS.map(([title]) => (
                <TableCell key={title}>{title}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          {tiers.map((tier, index) => (
            <TierRows
              key={`${tier.kind}/${tier.namespace}/${tier.name}`}
              tier={tier}
              columns={COLUMNS.length}
              shaded={index % 2 === 1}
              cluster={cluster}
              scope={props.scope}
              onDrillEnded={props.onDrillEnded}
            />
          ))}
        </Table>
      )}
    </InfoCard>
  );
}
