import { Link } from '@backstage/core-components';
import type { CnpgCluster } from '@internal/plugin-backups-common';
import Typography from '@material-ui/core/Typography';

/** The "Recover PostgreSQL to a point in time" template, where the legacy app mounts the scaffolder. */
const TEMPLATE_PATH = '/create/templates/default/recover-postgres';

/** The template's page with the entity, the cluster and its namespace filled in. */
export function recoverToPointInTimePath(
  entityRef: string,
  cluster: CnpgCluster,
): string {
  const formData = JSON.stringify({
    entity: entityRef,
    cluster: cluster.name,
    namespace: cluster.namespace,
  });
  return `${TEMPLATE_PATH}?${new URLSearchParams({ formData })}`;
}

/** Links to the recovery template, for a cluster that archives to an object store. */
export function RecoverToPointInTimeLink(props: {
  entityRef: string;
  cluster: CnpgCluster;
}) {
  const { cluster } = props;
  const archived =
    cluster.objectStore || cluster.walArchiver?.kind === 'barmanObjectStore';
  if (!archived) return null;
  return (
    <Typography variant="body2">
      <Link
        to={recoverToPointInTimePath(props.entityRef, cluster)}
        data-testid={`cnpg-recover-${cluster.name}`}
      >
        Recover to a point in time…
      </Link>
    </Typography>
  );
}
