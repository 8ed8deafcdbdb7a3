import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  DrillPlan,
  DrillPlannedObject,
} from '@internal/plugin-backups-common';
import { formatAbsolute, formatSeconds } from '../../utils/formatTime';

function objectName(o: DrillPlannedObject): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

function Fact(props: { label: string; value: string }) {
  return (
    <Typography variant="body2">
      {props.label}: <strong>{props.value}</strong>
    </Typography>
  );
}

/** Everything a drill will do, as the backend planned it; nothing is created yet (planning only reads, through a DownloadRequest). */
export function DrillPlanView(props: { plan: DrillPlan }) {
  const { plan } = props;
  return (
    <div data-testid="drill-plan">
      <Typography variant="h6" component="h3" gutterBottom>
        The plan: nothing is created until you start the drill
      </Typography>
      <Fact label="Tier" value={`${plan.tier.kind} ${plan.tier.name}`} />
      <Fact label="Cluster" value={plan.cluster} />
      <Fact label="Source" value={plan.source} />
      <Fact label="Recovery point" value={formatAbsolute(plan.recoveryPoint)} />
      <Fact label="Target" value={plan.target} />
      <Fact label="Time limit" value={formatSeconds(plan.timeLimitSeconds)} />
      <Box component="section" mt={2}>
        <Typography variant="subtitle2" component="h3">
          It creates
        </Typography>
        <ul data-testid="drill-plan-creates">
          {plan.creates.map(o => (
            <li key={`${o.apiVersion}/${objectName(o)}`}>
              <Typography variant="body2">{objectName(o)}</Typography>
            </li>
          ))}
        </ul>
        <Typography variant="body2">
          Everything listed is deleted when the drill ends. Nothing is written
          to the objects of {plan.namespace} except where listed.
        </Typography>
      </Box>
      {plan.notes.length > 0 && (
        <Box component="section" mt={2}>
          <Typography variant="subtitle2" component="h3">
            Notes
          </Typography>
          <ul data-testid="drill-plan-notes">
            {plan.notes.map(note => (
              <li key={note}>
                <Typography variant="body2">{note}</Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
    </div>
  );
}
