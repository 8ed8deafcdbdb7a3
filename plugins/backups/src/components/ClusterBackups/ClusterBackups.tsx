import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ClusterOverview,
  RestoreCreated,
  RestoreListItem,
} from '@internal/plugin-backups-common';
import { describeError } from '../../utils/describeError';
import { EntityScope } from '../../utils/EntityScope';
import { CnpgCard } from '../CnpgCard';
import { CoverageTable } from '../CoverageTable';
import { DataSources } from '../DataSources';
import { GitOpsCard } from '../GitOpsCard';
import { PlatformFindings } from '../PlatformFindings';
import { RestoreRequested, RestoresTable } from '../RestoresTable';
import { SourceErrors } from '../SourceErrors';
import { TierTable } from '../TierTable';
import { VeleroBackupsTable } from '../VeleroBackupsTable';
import { VeleroLocationsCard } from '../VeleroLocationsCard';
import { VeleroSchedulesTable } from '../VeleroSchedulesTable';
import { VeleroServerCard } from '../VeleroServerCard';
import { VolsyncCard } from '../VolsyncCard';

/** Everything known about the entity's backups on one cluster. */
export function ClusterBackups(props: {
  cluster: ClusterOverview;
  showClusterName: boolean;
  scope: EntityScope;
  /** Restores made through Backstage on this cluster. */
  madeRestores: RestoreListItem[];
  madeRestoresError?: Error;
  /** The restore just requested from this tab on this cluster. */
  requestedRestore?: RestoreCreated;
  onRestored: (restore: RestoreCreated) => void;
  /** A restore drill started or followed from the tab ended. */
  onDrillEnded?: () => void;
}) {
  const { cluster, showClusterName, scope, madeRestores } = props;
  const { velero, cnpg, volsync, flux } = cluster;
  // Anchors carry the cluster only when several clusters share the page.
  const anchorCluster = showClusterName ? cluster.cluster : undefined;
  const crons = cluster.tiers.flatMap(tier => tier.schedules ?? []);
  return (
    <Grid container spacing={2} data-testid={`cluster-${cluster.cluster}`}>
      {showClusterName && (
        <Grid item xs={12}>
          <Typography variant="h6">Cluster {cluster.cluster}</Typography>
        </Grid>
      )}
      {cluster.errors.length > 0 && (
        <Grid item xs={12}>
          <SourceErrors errors={cluster.errors} cluster={cluster.cluster} />
        </Grid>
      )}
      <Grid item xs={12}>
        <TierTable
          tiers={cluster.tiers}
          cluster={anchorCluster}
          scope={scope}
          onDrillEnded={props.onDrillEnded}
        />
      </Grid>
      {cluster.sources && (
        <Grid item xs={12}>
          <DataSources sources={cluster.sources} cluster={cluster.cluster} />
        </Grid>
      )}
      {(cluster.platformFindings ?? []).length > 0 && (
        <Grid item xs={12}>
          <PlatformFindings
            findings={cluster.platformFindings ?? []}
            cluster={anchorCluster}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <CoverageTable coverage={cluster.coverage} />
      </Grid>
      {cnpg && (
        <Grid item xs={12} xl={6}>
          <CnpgCard cnpg={cnpg} tiers={cluster.tiers} />
        </Grid>
      )}
      {volsync && (
        <Grid item xs={12} xl={6}>
          <VolsyncCard volsync={volsync} tiers={cluster.tiers} />
        </Grid>
      )}
      {velero && (
        <>
          <Grid item xs={12}>
            <VeleroSchedulesTable schedules={velero.schedules} crons={crons} />
          </Grid>
          <Grid item xs={12} md={6}>
            <VeleroLocationsCard
              storageLocations={velero.storageLocations}
              snapshotLocations={velero.snapshotLocations}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <VeleroServerCard velero={velero} />
          </Grid>
          <Grid item xs={12}>
            <VeleroBackupsTable
              backups={velero.backups}
              scope={scope}
              onRestored={props.onRestored}
            />
          </Grid>
          {props.madeRestoresError && (
            <Grid item xs={12}>
              <Alert severity="warning">
                Restores made through Backstage could not be listed:{' '}
                {describeError(props.madeRestoresError).message}
              </Alert>
            </Grid>
          )}
          <Grid item xs={12}>
            {props.requestedRestore && (
              <RestoreRequested restore={props.requestedRestore} />
            )}
            <RestoresTable
              restores={velero.restores}
              made={madeRestores}
              scope={scope}
            />
          </Grid>
        </>
      )}
      {flux && (
        <Grid item xs={12}>
          <GitOpsCard flux={flux} />
        </Grid>
      )}
    </Grid>
  );
}
