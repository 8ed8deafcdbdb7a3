import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ClusterOverview } from '@internal/plugin-backups-common';
import { CnpgCard } from '../CnpgCard';
import { CoverageTable } from '../CoverageTable';
import { GitOpsCard } from '../GitOpsCard';
import { PlatformFindings } from '../PlatformFindings';
import { RestoresTable } from '../RestoresTable';
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
}) {
  const { cluster, showClusterName } = props;
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
        <TierTable tiers={cluster.tiers} cluster={anchorCluster} />
      </Grid>
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
            <VeleroBackupsTable backups={velero.backups} />
          </Grid>
          <Grid item xs={12}>
            <RestoresTable restores={velero.restores} />
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
