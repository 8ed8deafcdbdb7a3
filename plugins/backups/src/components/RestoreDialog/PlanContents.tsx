import Collapse from '@material-ui/core/Collapse';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import ExpandLess from '@material-ui/icons/ExpandLess';
import ExpandMore from '@material-ui/icons/ExpandMore';
import type { RestorePlan } from '@internal/plugin-backups-common';
import { useState } from 'react';

function KindRow(props: { entry: RestorePlan['contents'][number] }) {
  const { entry } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <ListItem
        button
        dense
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        data-testid={`restore-contents-${entry.kind}`}
      >
        <ListItemText
          primary={`${entry.kind}: ${entry.count}`}
          secondary={entry.resource}
        />
        {open ? <ExpandLess /> : <ExpandMore />}
      </ListItem>
      <Collapse in={open} unmountOnExit>
        <Typography
          variant="body2"
          component="ul"
          style={{ marginTop: 0, overflowWrap: 'anywhere' }}
        >
          {entry.names.map(name => (
            <li key={name}>{name}</li>
          ))}
        </Typography>
      </Collapse>
    </>
  );
}

/** What the backup holds, by kind with counts; a kind opens to its names. */
export function PlanContents(props: { contents: RestorePlan['contents'] }) {
  if (props.contents.length === 0)
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing of the namespace is listed in the backup.
      </Typography>
    );
  // Two columns from the small breakpoint up keep a long list short.
  return (
    <Grid container>
      {props.contents.map(entry => (
        <Grid item xs={12} sm={6} key={entry.resource}>
          <List dense disablePadding>
            <KindRow entry={entry} />
          </List>
        </Grid>
      ))}
    </Grid>
  );
}
