import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { TierStatus } from '@internal/plugin-backups-common';

const LABELS: Record<TierStatus, string> = {
  healthy: 'Healthy',
  warning: 'At risk',
  critical: 'Critical',
  unknown: 'Unknown',
};

function StatusIcon(props: { status: TierStatus; children: string }) {
  switch (props.status) {
    case 'healthy':
      return <StatusOK>{props.children}</StatusOK>;
    case 'warning':
      return <StatusWarning>{props.children}</StatusWarning>;
    case 'critical':
      return <StatusError>{props.children}</StatusError>;
    default:
      return <StatusPending>{props.children}</StatusPending>;
  }
}

/** A tier status; hovering shows the reasons behind it. */
export function StatusChip(props: { status: TierStatus; reasons?: string[] }) {
  const { status, reasons = [] } = props;
  const label = <StatusIcon status={status}>{LABELS[status]}</StatusIcon>;
  if (reasons.length === 0) return <span>{label}</span>;
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
