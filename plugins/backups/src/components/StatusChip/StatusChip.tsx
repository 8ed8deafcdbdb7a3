import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { TierStatus } from '@internal/plugin-backups-common';
import { StatusIcon } from '../StatusIcon';

const LABELS: Record<TierStatus, string> = {
  healthy: 'Healthy',
  warning: 'At risk',
  critical: 'Critical',
  unknown: 'Unknown',
};

/** A tier status; hovering shows the reasons behind it, when given. */
export function StatusChip(props: { status: TierStatus; reasons?: string[] }) {
  const { status, reasons = [] } = props;
  const label = (
    <StatusIcon status={status}>
      <b style={{ fontWeight: 500 }}>{LABELS[status]}</b>
    </StatusIcon>
  );
  if (reasons.length === 0)
    return <span data-testid={`status-${status}`}>{label}</span>;
  return (
    <Tooltip
      title={
        <>
          {reasons.map(reason => (
            <Typography key={reason} variant="body2">
              {reason}
            </Typography>
          ))}
        </>
      }
    >
      <span data-testid={`status-${status}`}>{label}</span>
    </Tooltip>
  );
}
