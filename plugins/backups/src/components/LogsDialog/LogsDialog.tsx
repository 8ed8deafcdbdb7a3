import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { backupsApiRef, LogTarget } from '../../api';
import { describeError } from '../../utils/describeError';
import { EntityScope } from '../../utils/EntityScope';
import { MonospaceBlock } from '../MonospaceBlock';

/** The log of a Velero backup or restore, fetched when the dialog opens. */
export function LogsDialog(props: {
  scope: EntityScope;
  target: Omit<LogTarget, 'cluster'>;
  onClose: () => void;
}) {
  const { scope, target, onClose } = props;
  const backupsApi = useApi(backupsApiRef);
  const { value, loading, error } = useAsync(
    () =>
      backupsApi.getLogs(scope.entityRef, {
        ...target,
        cluster: scope.cluster,
      }),
    [backupsApi, scope.entityRef, scope.cluster, target.kind, target.name],
  );
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      data-testid="logs-dialog"
    >
      <DialogTitle>
        Log of {target.kind} {target.name}
      </DialogTitle>
      <DialogContent>
        {loading && <Progress />}
        {error && (
          <Alert severity="error" data-testid="logs-error">
            {describeError(error).message}
          </Alert>
        )}
        {value !== undefined && (
          <MonospaceBlock
            text={value || '(the log is empty)'}
            maxHeight="60vh"
            label={`Log of ${target.kind} ${target.name}`}
            testId="logs-text"
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
