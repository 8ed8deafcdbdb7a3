import Typography from '@material-ui/core/Typography';
import type { Coverage } from '@internal/plugin-backups-common';

type Via = NonNullable<Coverage['via']>[number];

function viaText(via: Via): string {
  switch (via.reason) {
    case 'labels':
      return 'its labels match the selector';
    case 'pod':
      return `through pod ${via.pod ?? '?'}, which mounts it`;
    default:
      return 'the whole namespace';
  }
}

/**
 * The tiers that cover one PVC, how a Velero schedule reaches it (labels, a
 * selected pod that mounts it, or the whole namespace), and whether Velero
 * is told to skip it.
 */
export function CoveredBy(props: { row: Coverage }) {
  const { row } = props;
  return (
    <>
      {row.coveredBy.length === 0 && (
        <Typography variant="body2">nothing</Typography>
      )}
      {row.coveredBy.map(tier => {
        const via =
          tier.kind === 'velero'
            ? row.via?.find(v => v.name === tier.name)
            : undefined;
        return (
          <div
            key={`${tier.kind}/${tier.name}`}
            data-testid="covered-by"
            data-tier={`${tier.kind}/${tier.name}`}
            data-via={via?.reason}
          >
            <Typography variant="body2" component="span">
              {tier.kind}/{tier.name}
            </Typography>
            {via && (
              <Typography variant="caption" color="textSecondary">
                {' '}
                ({viaText(via)})
              </Typography>
            )}
          </div>
        );
      })}
      {row.excludedFromVelero && (
        <Typography
          variant="caption"
          color="error"
          display="block"
          data-testid="excluded-from-velero"
        >
          Excluded from Velero (velero.io/exclude-from-backup=true)
        </Typography>
      )}
      {row.unknown && (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          data-testid="coverage-unknown"
        >
          Unknown: {row.unknown}
        </Typography>
      )}
    </>
  );
}
