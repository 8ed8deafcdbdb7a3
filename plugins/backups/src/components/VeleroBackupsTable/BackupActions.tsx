import type {
  RestoreCreated,
  VeleroBackup,
} from '@internal/plugin-backups-common';
import { EntityScope } from '../../utils/EntityScope';
import { LogsButton } from '../LogsDialog';
import { isRestorable, RestoreButton } from '../RestoreDialog';

/** "Restore…" for a restorable backup and "Logs" for every backup. */
export function BackupActions(props: {
  scope: EntityScope;
  backup: VeleroBackup;
  onRestored: (restore: RestoreCreated) => void;
}) {
  const { scope, backup, onRestored } = props;
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'flex-start',
      }}
    >
      {isRestorable(backup.phase) && (
        <RestoreButton scope={scope} backup={backup} onRestored={onRestored} />
      )}
      <LogsButton
        scope={scope}
        target={{ kind: 'backup', name: backup.name }}
      />
    </div>
  );
}
