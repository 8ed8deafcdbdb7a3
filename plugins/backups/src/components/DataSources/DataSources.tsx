import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { DataSource } from '@internal/plugin-backups-common';
import { RelativeTime } from '../RelativeTime';

function where(source: DataSource) {
  return source.namespace
    ? `${source.kind} in ${source.namespace}`
    : source.kind;
}

/** The sources whose data is not current: still loading, too old, failing. */
function notCurrent(sources: DataSource[]) {
  return sources.filter(s => s.state !== 'ready');
}

/**
 * Where one cluster's data comes from, and how current it is: the backend
 * keeps each kind it reads in a cache fed by watches. A newcomer sees that
 * the tab is live; an SRE sees which kinds are polled (watch forbidden) or
 * out of date, and since when. Absent sources (a backend without the
 * cache) read the API server on every refresh: nothing to say.
 */
export function DataSources(props: {
  sources?: DataSource[];
  cluster: string;
}) {
  const sources = props.sources ?? [];
  if (sources.length === 0) return null;
  const problems = notCurrent(sources);
  const polled = sources.filter(s => s.mode === 'poll' && s.state === 'ready');
  const perRequest = sources.filter(s => s.mode === 'list');
  const watched = sources.filter(
    s => s.mode === 'watch' && s.state === 'ready',
  );
  return (
    <div data-testid={`data-sources-${props.cluster}`}>
      <Typography variant="body2" color="textSecondary">
        {`Cluster data: ${watched.length} of ${sources.length} kinds kept current by watches`}
        {polled.length > 0 &&
          `, ${polled.length} polled (${polled.map(where).join(', ')})`}
        {perRequest.length > 0 &&
          `, ${perRequest.length} read on each refresh (${perRequest
            .map(where)
            .join(', ')})`}
        .
      </Typography>
      {problems.length > 0 && (
        <Alert severity="warning" data-testid="data-sources-problems">
          <Typography variant="body2">
            What these kinds would show is unknown until they are current again:
          </Typography>
          <ul>
            {problems.map(s => (
              <li key={`${s.kind}/${s.namespace ?? ''}`}>
                <strong>{where(s)}</strong>: {s.state}
                {s.message ? ` (${s.message})` : ''}
                {s.syncedAt && (
                  <>
                    {'; last in sync '}
                    <RelativeTime time={s.syncedAt} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
