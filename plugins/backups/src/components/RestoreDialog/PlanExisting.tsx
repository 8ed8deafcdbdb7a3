import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { RestorePlan } from '@internal/plugin-backups-common';

type Action = RestorePlan['existing'][number]['action'];

const ACTIONS: Record<Action, string> = {
  skip: 'skipped (kept as it is)',
  update: 'updated to the backup',
  unknown: 'not checked: if it exists, the policy applies',
};

/** One row per kind and action, so a namespace of many objects stays short. */
function grouped(existing: RestorePlan['existing']) {
  const groups = new Map<
    string,
    { kind: string; action: Action; names: string[] }
  >();
  for (const e of existing) {
    const key = `${e.resource}|${e.action}`;
    const group = groups.get(key) ?? {
      kind: e.kind,
      action: e.action,
      names: [],
    };
    group.names.push(e.name);
    groups.set(key, group);
  }
  return [...groups.entries()];
}

/** Objects of the backup already in the target, and what the restore does to them. */
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
          <TableCell style={{ width: '25%' }}>Kind</TableCell>
          <TableCell>Names</TableCell>
          <TableCell style={{ width: '30%' }}>The restore</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {grouped(props.existing).map(([key, g]) => (
          <TableRow key={key} data-action={g.action}>
            <TableCell style={{ overflowWrap: 'anywhere' }}>{g.kind}</TableCell>
            <TableCell style={{ overflowWrap: 'anywhere' }}>
              {g.names.join(', ')}
            </TableCell>
            <TableCell>{ACTIONS[g.action]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
