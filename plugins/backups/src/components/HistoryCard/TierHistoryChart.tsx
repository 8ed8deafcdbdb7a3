import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatSeconds } from '../../utils/formatTime';
import {
  dayTicks,
  durationTicks,
  formatShare,
  type TierSeries,
} from './historySeries';

/** Up to this many samples, each is drawn as a dot too. */
const DOTS_UP_TO = 60;
const HEIGHT = 180;

/** The ticks are UTC days. */
function formatDay(t: number) {
  return DateTime.fromMillis(t, { zone: 'utc' }).toFormat('LLL d');
}

function formatTime(t: unknown) {
  return DateTime.fromMillis(Number(t)).toFormat('yyyy-LL-dd HH:mm ZZZZ');
}

/** One tier's RPO actual against its target over the range, with drill markers. */
export function TierHistoryChart(props: {
  series: TierSeries;
  domain: [number, number];
  showCluster: boolean;
}) {
  const { series, domain, showCluster } = props;
  const { summary, samples, drills } = series;
  const theme = useTheme();
  const passed = drills.filter(d => d.outcome === 'passed').length;
  const failed = drills.length - passed;
  const testId = `history-${summary.tier.kind}-${summary.tier.name}`;
  const yTicks = durationTicks(samples);
  return (
    <Box mb={3} minWidth={0} data-testid={testId}>
      <Typography variant="subtitle2" style={{ overflowWrap: 'anywhere' }}>
        {summary.tier.kind} {summary.tier.name}
        {showCluster ? ` (${summary.cluster})` : ''}
      </Typography>
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid={`${testId}-share`}
      >
        Met its RPO target {formatShare(summary.share)} of the observed time (
        {formatSeconds(summary.observedSeconds)} in {summary.points}{' '}
        {summary.points === 1 ? 'point' : 'points'})
        {drills.length > 0 && `; drills: ${passed} passed, ${failed} failed`}
      </Typography>
      <ResponsiveContainer
        width="100%"
        height={HEIGHT}
        initialDimension={{ width: 480, height: HEIGHT }}
      >
        <LineChart data={samples} margin={{ top: 16, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={domain}
            ticks={dayTicks(domain[0], domain[1])}
            tickFormatter={formatDay}
          />
          <YAxis
            ticks={yTicks}
            domain={[0, yTicks[yTicks.length - 1]]}
            tickFormatter={(s: number) => formatSeconds(s)}
            width={72}
          />
          <Tooltip
            labelFormatter={formatTime}
            formatter={value => formatSeconds(Number(value))}
          />
          <Legend />
          <Line
            name="RPO actual"
            dataKey="actual"
            type="stepAfter"
            stroke={theme.palette.primary.main}
            dot={samples.length <= DOTS_UP_TO}
            isAnimationActive={false}
          />
          <Line
            name="RPO target"
            dataKey="target"
            type="stepAfter"
            stroke={theme.palette.text.secondary}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          {drills.map(drill => (
            <ReferenceLine
              key={`${drill.at}-${drill.outcome}`}
              x={drill.t}
              stroke={
                drill.outcome === 'passed'
                  ? theme.palette.success.main
                  : theme.palette.error.main
              }
              strokeWidth={2}
              label={{
                value: drill.outcome === 'passed' ? '✓' : '✗',
                position: 'top',
              }}
              className={`history-drill-${drill.outcome}`}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
