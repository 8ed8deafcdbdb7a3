import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { backupsApiRef } from '../../api';
import { historySeries, MAX_SAMPLES } from './historySeries';
import { TierHistoryChart } from './TierHistoryChart';

const RANGES = [30, 90] as const;
type Days = (typeof RANGES)[number];

/**
 * What the backend's history task recorded: per tier, the RPO actual
 * against its target over the last 30 or 90 days, the share of time the
 * target was met, and restore drills as markers.
 */
export function HistoryCard(props: { entityRef: CompoundEntityRef }) {
  const { entityRef } = props;
  const backupsApi = useApi(backupsApiRef);
  const [days, setDays] = useState<Days>(30);
  const { value, loading, error } = useAsync(async () => {
    const to = DateTime.utc();
    return backupsApi.getHistory(entityRef, {
      from: to.minus({ days }).toISO()!,
      to: to.toISO()!,
      // The backend merges what the chart could not draw anyway.
      maxPoints: MAX_SAMPLES,
    });
  }, [backupsApi, entityRef, days]);
  const series = useMemo(() => (value ? historySeries(value) : []), [value]);
  const clusters = new Set(series.map(s => s.summary.cluster));

  const toggle = (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={days}
      onChange={(_event, next: Days | null) => next && setDays(next)}
      aria-label="History range"
    >
      {RANGES.map(d => (
        <ToggleButton key={d} value={d} aria-label={`Last ${d} days`}>
          {d} days
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );

  return (
    <InfoCard
      title="History"
      subheader="RPO actual against target, per tier"
      action={toggle}
    >
      <div data-testid="backups-history" style={{ minWidth: 0 }}>
        {loading && <Progress />}
        {!loading && error && (
          <ResponseErrorPanel error={error} title="History unavailable" />
        )}
        {!loading && value && series.length === 0 && (
          <Typography variant="body2">
            Nothing recorded in the last {days} days yet: the backend records
            each tier on a schedule (backups.history.interval).
          </Typography>
        )}
        {!loading &&
          value &&
          series.map(s => (
            <TierHistoryChart
              key={s.key}
              series={s}
              domain={[
                DateTime.fromISO(value.from).toMillis(),
                DateTime.fromISO(value.to).toMillis(),
              ]}
              showCluster={clusters.size > 1}
            />
          ))}
      </div>
    </InfoCard>
  );
}
