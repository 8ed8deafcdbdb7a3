import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { backupsApiRef } from '../../api';
import { isBackupsAvailable } from '../../isBackupsAvailable';
import { ClusterBackups } from '../ClusterBackups';
import { SourceErrors } from '../SourceErrors';
import { VerdictHeader } from '../VerdictHeader';

const DEFAULT_REFRESH_SECONDS = 60;
const RESTORE_REFRESH_SECONDS = 5;

/** The Backups tab of an entity page. */
export function EntityBackupsContent() {
  const { entity } = useEntity();
  const backupsApi = useApi(backupsApiRef);
  const configApi = useApi(configApiRef);
  const refreshIntervalSeconds =
    configApi.getOptionalNumber('backups.refreshIntervalSeconds') ??
    DEFAULT_REFRESH_SECONDS;
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const available = isBackupsAvailable(entity);

  const { value, loading, error, retry } = useAsyncRetry(
    async () => (available ? backupsApi.getOverview(entityRef) : undefined),
    [backupsApi, entityRef, available],
  );
  // While a restore runs, follow its progress closely; otherwise use the configured pace.
  const restoring = value?.clusters.some(c =>
    c.velero?.restores.some(r => ['New', 'InProgress'].includes(r.phase)),
  );
  let delay: number | null = null;
  if (available && restoring) delay = RESTORE_REFRESH_SECONDS * 1000;
  else if (available && refreshIntervalSeconds > 0)
    delay = refreshIntervalSeconds * 1000;
  useInterval(retry, delay);

  if (!available) {
    return (
      <EmptyState
        missing="field"
        title="Backups are not configured for this entity"
        description="Add the backstage.io/kubernetes-namespace annotation (and optionally backstage.io/kubernetes-label-selector) so the Backups tab can find the app's Velero, CloudNativePG and VolSync objects."
      />
    );
  }
  if (!value && loading) return <Progress />;
  if (!value && error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;

  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <VerdictHeader
          overview={value}
          refreshing={loading}
          onRefresh={retry}
          refreshIntervalSeconds={refreshIntervalSeconds}
        />
      </Grid>
      {error && (
        <Grid item>
          <ResponseErrorPanel error={error} title="Refresh failed" />
        </Grid>
      )}
      {value.errors.length > 0 && (
        <Grid item>
          <SourceErrors errors={value.errors} />
        </Grid>
      )}
      {value.clusters.map(cluster => (
        <Grid item key={cluster.cluster}>
          <ClusterBackups
            cluster={cluster}
            showClusterName={value.clusters.length > 1}
          />
        </Grid>
      ))}
    </Grid>
  );
}
