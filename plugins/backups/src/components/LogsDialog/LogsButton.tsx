import Button from '@material-ui/core/Button';
import { useState } from 'react';
import type { LogTarget } from '../../api';
import { EntityScope } from '../../utils/EntityScope';
import { LogsDialog } from './LogsDialog';

/** "Logs" on a backup or restore row. */
export function LogsButton(props: {
  scope: EntityScope;
  target: Omit<LogTarget, 'cluster'>;
}) {
  const [open, setOpen] = useState(false);
  const { kind, name } = props.target;
  return (
    <>
      <Button
        size="small"
        style={{ whiteSpace: 'nowrap', minWidth: 0 }}
        onClick={() => setOpen(true)}
        aria-label={`Logs of ${kind} ${name}`}
        data-testid={`logs-button-${kind}-${name}`}
      >
        Logs
      </Button>
      {open && (
        <LogsDialog
          scope={props.scope}
          target={props.target}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
