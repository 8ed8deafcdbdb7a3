import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';
import type { TierStatus } from '@internal/plugin-backups-common';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'baseline', minWidth: 0 },
  text: { minWidth: 0, overflowWrap: 'break-word' },
});

function Icon(props: { status: TierStatus }) {
  switch (props.status) {
    case 'healthy':
      return <StatusOK />;
    case 'warning':
      return <StatusWarning />;
    case 'critical':
      return <StatusError />;
    default:
      return <StatusPending />;
  }
}

/**
 * Backstage's status icon before `children`. Backstage hides its status
 * element from assistive technology, so the text stays outside it.
 */
export function StatusIcon(props: { status: TierStatus; children: ReactNode }) {
  const classes = useStyles();
  return (
    <span className={classes.row}>
      <Icon status={props.status} />
      <span className={classes.text}>{props.children}</span>
    </span>
  );
}
