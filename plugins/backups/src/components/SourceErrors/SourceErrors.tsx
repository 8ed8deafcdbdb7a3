import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { SourceError } from '@internal/plugin-backups-common';

function rbacRule(error: SourceError) {
  if (!error.rbac) return undefined;
  const { verb, group, resource, namespace } = error.rbac;
  return `RBAC needed: allow "${verb}" on ${resource}${
    group ? `.${group}` : ''
  }${namespace ? ` in namespace ${namespace}` : ' cluster-wide'}`;
}

/** Errors of the sources that could not be read, shown where they belong. */
export function SourceErrors(props: {
  errors: SourceError[];
  cluster?: string;
}) {
  if (props.errors.length === 0) return null;
  return (
    <>
      {props.errors.map(error => (
        <WarningPanel
          key={`${error.source}:${error.message}`}
          severity={error.reason === 'NotInstalled' ? 'info' : 'warning'}
          title={`${error.source}${
            props.cluster ? ` on ${props.cluster}` : ''
          }: ${error.message}`}
        >
          <Typography variant="body2">
            {error.statusCode ? `HTTP ${error.statusCode}. ` : ''}
            {rbacRule(error) ?? ''}
          </Typography>
        </WarningPanel>
      ))}
    </>
  );
}
