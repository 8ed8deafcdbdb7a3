import Typography from '@material-ui/core/Typography';
import type { CronInfo } from '@internal/plugin-backups-common';
import { RelativeTime } from '../RelativeTime';

/**
 * One schedule as the server reads it: in words (with its zone), the
 * expression, the next run, and why it never runs when it does not.
 */
export function CronInfoText(props: { cron: CronInfo; label?: string }) {
  const { cron, label } = props;
  const words = cron.description ?? cron.expression;
  return (
    <div
      data-testid={`cron-${cron.role}-${cron.source}`}
      data-cron-expression={cron.expression}
    >
      <Typography variant="body2">
        {label ? `${label}: ` : ''}
        {words}
        {cron.suspended ? ' (suspended)' : ''}
      </Typography>
      <Typography variant="caption" color="textSecondary" display="block">
        <code>{cron.expression}</code>
        {!cron.description && cron.timeZone ? ` · ${cron.timeZone}` : ''}
        {cron.nextRun && !cron.suspended && (
          <>
            {' · next '}
            <RelativeTime time={cron.nextRun} />
          </>
        )}
      </Typography>
      {cron.error && (
        <Typography variant="caption" color="error" display="block">
          {cron.error}
        </Typography>
      )}
    </div>
  );
}
