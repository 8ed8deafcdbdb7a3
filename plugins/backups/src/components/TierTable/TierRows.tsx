import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Tier } from '@internal/plugin-backups-common';
import { FindingList } from '../FindingList';
import { RelativeTime } from '../RelativeTime';
import { StatusChip } from '../StatusChip';
import { formatSeconds } from '../../utils/formatTime';
import { EntityScope } from '../../utils/EntityScope';
import { TierDrill } from '../TierDrill';
import { TierSchedule } from './TierSchedule';
import { tierFindings } from './tierFindings';

// A tier's rows share one background, alternating per tier rather than per row.
const useStyles = makeStyles(theme => ({
  plain: { backgroundColor: `${theme.palette.background.paper} !important` },
  shaded: {
    backgroundColor: `${theme.palette.background.default} !important`,
  },
  cell: { verticalAlign: 'top', overflowWrap: 'break-word' },
  above: { '& > td': { borderBottom: 'none' } },
  findings: { paddingLeft: theme.spacing(5) },
}));

function rpoExceeded(tier: Tier) {
  return (
    tier.rpoActualSeconds !== null &&
    tier.rpoTargetSeconds !== null &&
    tier.rpoActualSeconds > tier.rpoTargetSeconds
  );
}

/**
 * One tier: a row of facts and, when anything lowers its status, a
 * full-width row with the findings, so the reasons never need a click.
 */
export function TierRows(props: {
  tier: Tier;
  columns: number;
  shaded: boolean;
  cluster?: string;
  scope?: EntityScope;
  onDrillEnded?: () => void;
}) {
  const classes = useStyles();
  const { tier, columns, cluster } = props;
  const findings = tierFindings(tier);
  const background = props.shaded ? classes.shaded : classes.plain;
  return (
    <TableBody
      data-testid={`tier-${tier.kind}-${tier.name}`}
      data-tier-status={tier.status}
    >
      <TableRow
        className={`${background} ${findings.length > 0 ? classes.above : ''}`}
      >
        <TableCell className={classes.cell}>
          <StatusChip status={tier.status} />
        </TableCell>
        <TableCell className={classes.cell}>
          <Typography variant="body2">{tier.component}</Typography>
          <Typography variant="caption" color="textSecondary">
            {tier.kind}/{tier.name}
          </Typography>
        </TableCell>
        <TableCell className={classes.cell}>
          <Typography variant="body2">{tier.method}</Typography>
          <Typography variant="caption" color="textSecondary" display="block">
            {tier.destination ?? 'no destination'}
            {tier.retention ? ` · keeps ${tier.retention}` : ''}
          </Typography>
        </TableCell>
        <TableCell className={classes.cell}>
          <TierSchedule tier={tier} />
        </TableCell>
        <TableCell className={classes.cell}>
          <Typography variant="body2">
            <RelativeTime time={tier.lastRecoveryPoint} />
          </Typography>
          {tier.recoveryPointBasis && (
            <Typography
              variant="caption"
              color="textSecondary"
              display="block"
              data-testid="recovery-point-basis"
            >
              {tier.recoveryPointBasis}
            </Typography>
          )}
        </TableCell>
        <TableCell className={classes.cell}>
          <Typography
            variant="body2"
            color={rpoExceeded(tier) ? 'error' : 'textPrimary'}
          >
            {formatSeconds(tier.rpoActualSeconds)}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            target {formatSeconds(tier.rpoTargetSeconds)}
          </Typography>
        </TableCell>
        <TableCell className={classes.cell}>
          {props.scope && (
            <TierDrill
              tier={tier}
              scope={props.scope}
              onDrillEnded={props.onDrillEnded}
            />
          )}
        </TableCell>
      </TableRow>
      {findings.length > 0 && (
        <TableRow data-testid="tier-findings" className={background}>
          <TableCell
            colSpan={columns}
            className={`${classes.cell} ${classes.findings}`}
          >
            <FindingList findings={findings} cluster={cluster} />
          </TableCell>
        </TableRow>
      )}
    </TableBody>
  );
}
