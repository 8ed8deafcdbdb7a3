import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { RestorePlan } from '@internal/plugin-backups-common';

const ACTIONS: Record<RestorePlan['existing'][number]['action'], string> = {
  skip: 'skipped (kept as it is)',
  update: 'updated to the backup',
  unknown: 'not checked: may exist, then skipped or updated by policy',
};

/** Objects of the backup already in the target, and what the restore does to each. */
export function PlanExisting(props: {
  existing: RestorePlan['existing'];
  target: string;
}) {
  if (props.existing.length === 0)
    return (
      <Typography variant="body2">
        No object of the backup exists in {props.target}.
      </Typography>
    );
  return (
    <Table size="small" style={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell>Kind</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>Restore</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.existing.map(e => (
          <TableRow key={`${e.resource}/${e.name}`}>
            <TableCell style={{ overflowWrap: 'anywhere' }}>{e.kind}</TableCell>
            <TableCell style={{ overflowWrap: 'anywhere' }}>{e.name}</TableCell>
            <TableCell data-action={e.action}>{ACTIONS[e.action]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
