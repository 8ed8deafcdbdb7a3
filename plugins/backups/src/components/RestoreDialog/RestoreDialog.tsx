import { Progress } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import type { RestoreCreated } from '@internal/plugin-backups-common';
import { useState } from 'react';
import { canRetry } from '../../utils/canRetry';
import { EntityScope } from '../../utils/EntityScope';
import { RestoreConfirmation } from './RestoreConfirmation';
import { defaultRestoreChoices, planRequestOf } from './RestoreChoices';
import { RestoreError } from './RestoreError';
import { RestoreOptions } from './RestoreOptions';
import { RestorePlanView } from './RestorePlanView';
import { useRestoreFlow } from './useRestoreFlow';

/** Choose, read the plan, confirm, restore. */
export function RestoreDialog(props: {
  scope: EntityScope;
  backup: { name: string; phase: string };
  onClose: () => void;
  onRestored: (restore: RestoreCreated) => void;
}) {
  const { scope, backup, onClose, onRestored } = props;
  const [choices, setChoices] = useState(() =>
    defaultRestoreChoices(scope.namespace),
  );
  const [confirmation, setConfirmation] = useState('');
  const request = planRequestOf(scope, backup, choices);
  const flow = useRestoreFlow(scope, request, onRestored);
  const { plan } = flow;
  const confirmed = !plan?.inPlace || confirmation === plan.targetNamespace;
  const ready = plan && confirmed && !flow.submitting && canRetry(flow.error);

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      scroll="paper"
      data-testid="restore-dialog"
    >
      <DialogTitle>Restore {backup.name}</DialogTitle>
      <DialogContent dividers>
        <RestoreOptions
          namespace={scope.namespace}
          partlyFailed={backup.phase === 'PartiallyFailed'}
          choices={choices}
          onChange={setChoices}
          disabled={flow.submitting}
        />
        {!request && (
          <Typography variant="body2" color="textSecondary">
            Acknowledge that the backup only partly succeeded to see the plan.
          </Typography>
        )}
        <Divider style={{ margin: '16px 0' }} />
        {flow.planning && <Progress />}
        {plan && <RestorePlanView plan={plan} />}
        {flow.error && (
          <RestoreError error={flow.error} onPlanAgain={flow.planAgain} />
        )}
      </DialogContent>
      <DialogActions>
        {plan?.inPlace && (
          <RestoreConfirmation
            namespace={plan.targetNamespace}
            value={confirmation}
            onChange={setConfirmation}
          />
        )}
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={!ready}
          onClick={flow.restore}
          data-testid="restore-submit"
        >
          {flow.submitting ? 'Restoring…' : 'Restore'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
