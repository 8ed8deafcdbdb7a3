import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  block: {
    margin: 0,
    padding: theme.spacing(1, 1.5),
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: '0.8rem',
    // Long lines wrap, so the block scrolls down and never sideways.
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    overflowX: 'hidden',
    overflowY: 'auto',
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
}));

/** Preformatted text (a log, a manifest) in a height-capped, scrollable box. */
export function MonospaceBlock(props: {
  text: string;
  maxHeight: string | number;
  label: string;
  testId?: string;
}) {
  const classes = useStyles();
  return (
    <pre
      className={classes.block}
      style={{ maxHeight: props.maxHeight }}
      role="region"
      aria-label={props.label}
      data-testid={props.testId}
    >
      {props.text}
    </pre>
  );
}
