import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import Alert from '@material-ui/lab/Alert';
import type { DrillCreated, Tier } from '@internal/plugin-backups-common';
import { canRetry } from '../../utils/canRetry';
import { describeError } from '../../utils/describeError';
import { EntityScope } from '../../utils/EntityScope';
import { DrillPlanView } from './DrillPlanView';
import { useDrillPlan } from './useDrillPlan';

/** Shows what a drill of the tier would create, and starts it only on "Start drill". */
export function DrillPlanDialog(props: {
  scope: EntityScope;
  tier: Pick<Tier, 'kind' | 'name'>;
  onClose: () => void;
  onStarted: (drill: DrillCreated) => void;
}) {
  const { scope, tier, onClose, onStarted } = props;
  const flow = useDrillPlan(scope, tier, onStarted);
  const error = flow.planError ?? flow.startError;
  const ready = flow.plan && !flow.starting && canRetry(flow.startError);
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      scroll="paper"
      data-testid="drill-plan-dialog"
    >
      <DialogTitle>
        Drill {tier.kind} {tier.name}
      </DialogTitle>
      <DialogContent dividers>
        {flow.planning && <LinearProgress data-testid="drill-planning" />}
        {flow.plan && <DrillPlanView plan={flow.plan} />}
        {Boolean(error) && (
          <Alert
            severity="error"
            data-testid="drill-plan-error"
            style={{ marginTop: 16, overflowWrap: 'anywhere' }}
          >
            {describeError(error).message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!ready}
          onClick={flow.start}
        >
          Start drill
        </Button>
      </DialogActions>
    </Dialog>
  );
}
