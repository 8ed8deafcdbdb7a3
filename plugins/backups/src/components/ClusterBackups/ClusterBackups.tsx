import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ClusterOverview } from '@internal/plugin-backups-common';
import { SourceErrors } from '../SourceErrors';
import { TierTable } from '../TierTable';
import { VeleroBackupsTable } from '../VeleroBackupsTable';

/** Everything known about the entity's backups on one cluster. */
export function ClusterBackups(props: {
  cluster: ClusterOverview;
  showClusterName: boolean;
}) {
  const { cluster, showClusterName } = props;
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
        <TierTable tiers={cluster.tiers} />
      </Grid>
      {cluster.velero && (
        <Grid item xs={12}>
          <VeleroBackupsTable backups={cluster.velero.backups} />
        </Grid>
      )}
    </Grid>
  );
}
