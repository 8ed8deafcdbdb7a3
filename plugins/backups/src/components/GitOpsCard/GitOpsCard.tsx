import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type {
  Condition,
  ExternalSecretStatus,
  FluxObject,
  FluxSection,
} from '@internal/plugin-backups-common';

function readyColor(ready?: Condition, suspended = false) {
  if (suspended) return { background: '#9e9e9e', color: '#fff' };
  if (ready?.status === 'True') return { background: '#2e7d32', color: '#fff' };
  if (ready?.status === 'False')
    return { background: '#c62828', color: '#fff' };
  return { background: '#f9a825', color: '#000' };
}

function stateLabel(ready?: Condition, suspended?: boolean) {
  if (suspended) return 'suspended';
  if (ready?.status === 'True') return 'Ready';
  if (ready?.status === 'False') return 'Not ready';
  return 'Unknown';
}

function StatusChipFor(props: {
  label: string;
  ready?: Condition;
  suspended?: boolean;
  details: string[];
}) {
  const { label, ready, suspended, details } = props;
  const state = stateLabel(ready, suspended);
  return (
    <Tooltip
      title={
        <>
          {[`${state}${ready?.reason ? ` (${ready.reason})` : ''}`, ...details]
            .filter(Boolean)
            .map(line => (
              <Typography key={line} variant="body2">
                {line}
              </Typography>
            ))}
        </>
      }
    >
      <Chip
        size="small"
        label={`${label}: ${state}`}
        style={{ ...readyColor(ready, suspended), margin: 4 }}
      />
    </Tooltip>
  );
}

function fluxChip(object: FluxObject) {
  return (
    <StatusChipFor
      key={`${object.kind}/${object.namespace}/${object.name}`}
      label={`${object.kind} ${object.namespace}/${object.name}`}
      ready={object.ready}
      suspended={object.suspended}
      details={[
        object.ready?.message ?? '',
        object.revision ? `revision ${object.revision}` : '',
      ]}
    />
  );
}

function secretChip(secret: ExternalSecretStatus) {
  return (
    <StatusChipFor
      key={`es/${secret.namespace}/${secret.name}`}
      label={`ExternalSecret ${secret.namespace}/${secret.name}`}
      ready={secret.ready}
      details={[
        secret.ready?.message ?? '',
        secret.refreshTime ? `refreshed ${secret.refreshTime}` : '',
      ]}
    />
  );
}

/** Flux objects that deploy Velero and the app, and Velero's credentials. */
export function GitOpsCard(props: { flux: FluxSection }) {
  const { objects, externalSecrets } = props.flux;
  const velero = objects.filter(o => o.role === 'velero');
  const app = objects.filter(o => o.role === 'app');
  return (
    <InfoCard title="GitOps and secrets">
      <Box mb={1}>
        <Typography variant="subtitle2">Velero</Typography>
        {velero.length ? (
          velero.map(fluxChip)
        ) : (
          <Typography variant="caption">No Flux object found.</Typography>
        )}
        {externalSecrets.map(secretChip)}
      </Box>
      <Box>
        <Typography variant="subtitle2">App</Typography>
        {app.length ? (
          app.map(fluxChip)
        ) : (
          <Typography variant="caption">No Flux object found.</Typography>
        )}
      </Box>
    </InfoCard>
  );
}
