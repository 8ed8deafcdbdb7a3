import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_NAMESPACE,
  type RestoreCreated,
} from '@internal/plugin-backups-common';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useCallback, useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { backupsApiRef } from '../../api';
import { isBackupsAvailable } from '../../isBackupsAvailable';
import { refreshDelay } from '../../utils/refreshDelay';
import { ClusterBackups } from '../ClusterBackups';
import { HistoryCard } from '../HistoryCard';
import { SourceErrors } from '../SourceErrors';
import { VerdictHeader } from '../VerdictHeader';
import { useMadeRestores } from './useMadeRestores';

const DEFAULT_REFRESH_SECONDS = 60;

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
  const namespace =
    entity.metadata.annotations?.[ANNOTATION_KUBERNETES_NAMESPACE]?.trim() ??
    '';

  const { value, loading, error, retry } = useAsyncRetry(
    async () => (available ? backupsApi.getOverview(entityRef) : undefined),
    [backupsApi, entityRef, available],
  );
  const made = useMadeRestores(entityRef, available);
  const { add: addMade, retry: retryMade } = made;
  const refresh = useCallback(() => {
    retry();
    retryMade();
  }, [retry, retryMade]);
  const onRestored = useCallback(
    (restore: RestoreCreated) => {
      addMade(restore);
      retry();
    },
    [addMade, retry],
  );
  const delay = refreshDelay({
    available,
    restores: [
      ...(value?.clusters.flatMap(c => c.velero?.restores ?? []) ?? []),
      ...made.items,
    ],
    refreshIntervalSeconds,
  });
  useInterval(refresh, delay);

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
          onRefresh={refresh}
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
            scope={{ entityRef, cluster: cluster.cluster, namespace }}
            madeRestores={made.items.filter(r => r.cluster === cluster.cluster)}
            madeRestoresError={made.error}
            requestedRestore={
              made.latest?.cluster === cluster.cluster ? made.latest : undefined
            }
            onRestored={onRestored}
            onDrillEnded={retry}
          />
        </Grid>
      ))}
      <Grid item>
        <HistoryCard entityRef={entityRef} />
      </Grid>
    </Grid>
  );
}
