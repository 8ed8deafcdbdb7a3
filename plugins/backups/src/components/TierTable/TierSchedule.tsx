import Typography from '@material-ui/core/Typography';
import type { Tier } from '@internal/plugin-backups-common';
import { CronInfoText } from '../CronInfoText';

const LABELS = { backup: undefined, sync: undefined, 'base-backup': 'Base' };

/**
 * A tier's schedules from the server's fields: "WAL continuous" for a CNPG
 * tier that archives WAL, then each schedule. The legacy `schedule` sentence
 * is shown verbatim only when an older server sends nothing else.
 */
export function TierSchedule(props: { tier: Tier }) {
  const { tier } = props;
  const schedules = tier.schedules ?? [];
  if (!tier.continuous && schedules.length === 0) {
    return <Typography variant="body2">{tier.schedule ?? '–'}</Typography>;
  }
  return (
    <>
      {tier.continuous && (
        <Typography variant="body2" data-testid="schedule-continuous">
          WAL continuous
        </Typography>
      )}
      {schedules.map(cron => (
        <CronInfoText
          key={`${cron.role}:${cron.source}:${cron.expression}`}
          cron={cron}
          label={LABELS[cron.role]}
        />
      ))}
    </>
  );
}
