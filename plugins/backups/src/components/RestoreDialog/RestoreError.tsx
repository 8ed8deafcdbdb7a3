import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { describeError } from '../../utils/describeError';

/** Whether the plan is spent: the backend refused it and only a new plan can go on. */
export function needsNewPlan(status: number | undefined): boolean {
  return status === 409;
}

/** The backend's refusal, with "Plan again" when the plan no longer holds. */
export function RestoreError(props: { error: Error; onPlanAgain: () => void }) {
  const { status, message } = describeError(props.error);
  return (
    <Alert
      severity="error"
      data-testid="restore-error"
      style={{ marginTop: 16, overflowWrap: 'anywhere' }}
      action={
        needsNewPlan(status) ? (
          <Button
            color="inherit"
            size="small"
            onClick={props.onPlanAgain}
            data-testid="restore-plan-again"
          >
            Plan again
          </Button>
        ) : undefined
      }
    >
      {message}
    </Alert>
  );
}
