import { parseEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';

/** Who asked for a restore made through Backstage: the user's name, the full ref on hover. */
export function RequestedBy(props: { userRef?: string }) {
  if (!props.userRef) return null;
  let name = props.userRef;
  try {
    name = parseEntityRef(props.userRef).name;
  } catch {
    // Not an entity ref: show it as it came.
  }
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      display="block"
      title={props.userRef}
    >
      by {name}
    </Typography>
  );
}
