import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { RestorePlan } from '@internal/plugin-backups-common';
import { MonospaceBlock } from '../MonospaceBlock';
import { RelativeTime } from '../RelativeTime';
import { PlanBackupFacts } from './PlanBackupFacts';
import { PlanContents } from './PlanContents';
import { PlanExisting } from './PlanExisting';
import { PlanSection } from './PlanSection';

/** Everything a restore will do, as the backend planned it; nothing is restored yet (planning only reads, through a DownloadRequest). */
export function RestorePlanView(props: { plan: RestorePlan }) {
  const { plan } = props;
  return (
    <div data-testid="restore-plan">
      <Typography variant="h6" component="h3" gutterBottom>
        The plan: nothing is restored until you confirm
      </Typography>
      <Typography variant="body1" data-testid="restore-plan-target">
        Restore backup <strong>{plan.backup.name}</strong> of namespace{' '}
        {plan.sourceNamespace} into <strong>{plan.targetNamespace}</strong>{' '}
        {plan.inPlace ? '(in place)' : '(a new namespace)'} on cluster{' '}
        {plan.cluster}.
      </Typography>
      <PlanBackupFacts backup={plan.backup} />
      {plan.warnings.length > 0 && (
        <Alert severity="warning" style={{ marginTop: 16 }}>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {plan.warnings.map(w => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
      <PlanSection title="What the backup holds">
        <PlanContents contents={plan.contents} />
      </PlanSection>
      <PlanSection title={`Already in ${plan.targetNamespace}`}>
        <PlanExisting existing={plan.existing} target={plan.targetNamespace} />
      </PlanSection>
      <PlanSection title="Volumes">
        <Typography variant="body2">
          {plan.volumes.length > 0
            ? `Data comes back for ${plan.volumes.join(', ')}.`
            : 'No volume data is restored.'}
        </Typography>
      </PlanSection>
      <PlanSection title="GitOps">
        <Typography variant="body2">{plan.gitops.explanation}</Typography>
      </PlanSection>
      <PlanSection title="The Restore object (JSON)">
        <MonospaceBlock
          text={JSON.stringify(plan.restore, null, 2)}
          maxHeight={240}
          label="The Restore object"
          testId="restore-plan-object"
        />
      </PlanSection>
      <Typography variant="caption" color="textSecondary">
        This plan expires <RelativeTime time={plan.expiresAt} />.
      </Typography>
    </div>
  );
}
