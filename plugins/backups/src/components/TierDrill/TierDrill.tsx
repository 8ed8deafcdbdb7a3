import { stringifyEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  backupsDrillRunPermission,
  type Tier,
} from '@internal/plugin-backups-common';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { describeError } from '../../utils/describeError';
import { EntityScope } from '../../utils/EntityScope';
import { formatAbsolute, formatSeconds } from '../../utils/formatTime';
import { RelativeTime } from '../RelativeTime';
import { DrillPlanDialog } from './DrillPlanDialog';
import { useTierDrill } from './useTierDrill';

const DRILLABLE = new Set(['velero', 'cnpg', 'volsync']);

const STEPS: Record<string, string> = {
  queued: 'queued',
  preparing: 'choosing what to restore',
  restoring: 'restoring',
  waiting: 'waiting for the copy to come up',
  'cleaning-up': 'cleaning up',
};

/** The last proven restore of a tier, measured against its RTO target. */
function ProvenRestore(props: { tier: Tier }) {
  const proven = props.tier.lastProvenRestore;
  if (!proven)
    return (
      <Typography variant="caption" color="textSecondary" display="block">
        Never proven by a drill
      </Typography>
    );
  const slow =
    proven.rtoTargetSeconds !== undefined &&
    proven.rtoSeconds > proven.rtoTargetSeconds;
  return (
    <>
      <Typography variant="body2" data-testid="last-proven-restore">
        Proven <RelativeTime time={proven.at} />
      </Typography>
      <Typography variant="caption" color="textSecondary" display="block">
        to {formatAbsolute(proven.recoveryPoint)}
      </Typography>
      <Typography
        variant="caption"
        display="block"
        color={slow ? 'error' : 'textSecondary'}
      >
        RTO {formatSeconds(proven.rtoSeconds)}
        {proven.rtoTargetSeconds !== undefined
          ? ` / target ${formatSeconds(proven.rtoTargetSeconds)}`
          : ''}
      </Typography>
    </>
  );
}

/**
 * A tier's restore drills: what the last one proved, the one running, the
 * outcome of the one run from here, and "Run drill now" for whoever may
 * (`backups.drill.run` on the entity), which shows the drill's plan first.
 */
export function TierDrill(props: {
  tier: Tier;
  scope: EntityScope;
  onDrillEnded?: () => void;
}) {
  const { tier, scope } = props;
  const { allowed } = usePermission({
    permission: backupsDrillRunPermission,
    resourceRef: stringifyEntityRef(scope.entityRef),
  });
  const drills = useTierDrill(scope, tier, props.onDrillEnded);
  const [planning, setPlanning] = useState(false);
  const { drill } = drills;
  const failed =
    drill?.outcome === 'failed' ||
    (!drill && !drills.running && tier.lastDrill?.outcome === 'failed');
  const reason = drill?.failureReason ?? tier.lastDrill?.failureReason;
  return (
    <div data-testid="tier-drill">
      <ProvenRestore tier={tier} />
      {drills.running && (
        <div data-testid="drill-running">
          <Typography variant="caption" display="block">
            Drill running: {STEPS[drill?.step ?? 'queued'] ?? drill?.step}
          </Typography>
          <LinearProgress />
        </div>
      )}
      {!drills.running && drill?.outcome === 'passed' && (
        <Typography
          variant="caption"
          display="block"
          data-testid="drill-outcome"
        >
          Drill passed: restored in {formatSeconds(drill.rtoSeconds)}
        </Typography>
      )}
      {!drills.running && failed && (
        <Typography
          variant="caption"
          display="block"
          color="error"
          data-testid="drill-outcome"
        >
          Drill failed{reason ? `: ${reason}` : ''}
        </Typography>
      )}
      {Boolean(drills.error) && (
        <Typography variant="caption" display="block" color="error">
          {describeError(drills.error).message}
        </Typography>
      )}
      {allowed && DRILLABLE.has(tier.kind) && (
        <Button
          size="small"
          variant="outlined"
          style={{ marginTop: 4 }}
          disabled={drills.running || planning}
          onClick={() => setPlanning(true)}
        >
          Run drill now
        </Button>
      )}
      {planning && (
        <DrillPlanDialog
          scope={scope}
          tier={tier}
          onClose={() => setPlanning(false)}
          onStarted={created => {
            setPlanning(false);
            drills.follow(created.id);
          }}
        />
      )}
    </div>
  );
}
