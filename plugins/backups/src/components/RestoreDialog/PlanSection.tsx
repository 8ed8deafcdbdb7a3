import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** A titled part of the restore plan. */
export function PlanSection(props: { title: string; children: ReactNode }) {
  return (
    <Box component="section" mt={2}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}
