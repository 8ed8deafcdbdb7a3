import Button from '@material-ui/core/Button';
import type { RestoreCreated } from '@internal/plugin-backups-common';
import { useState } from 'react';
import { EntityScope } from '../../utils/EntityScope';
import { RestoreDialog } from './RestoreDialog';

/** Backups Velero can restore from: complete ones, and partly failed ones once acknowledged. */
export function isRestorable(phase: string): boolean {
  return phase === 'Completed' || phase === 'PartiallyFailed';
}

/** "Restore…" on a backup row; each opening plans afresh. */
export function RestoreButton(props: {
  scope: EntityScope;
  backup: { name: string; phase: string };
  onRestored: (restore: RestoreCreated) => void;
}) {
  const { scope, backup, onRestored } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        style={{ whiteSpace: 'nowrap', minWidth: 0 }}
        color="primary"
        onClick={() => setOpen(true)}
        aria-label={`Restore ${backup.name}`}
        data-testid={`restore-button-${backup.name}`}
      >
        Restore…
      </Button>
      {open && (
        <RestoreDialog
          scope={scope}
          backup={backup}
          onClose={() => setOpen(false)}
          onRestored={restore => {
            setOpen(false);
            onRestored(restore);
          }}
        />
      )}
    </>
  );
}
