import ListItemText, {
  ListItemTextProps,
} from '@material-ui/core/ListItemText';

/**
 * A `ListItemText` that wraps. Backstage's theme makes list item text one
 * line with an ellipsis, which cuts off long messages such as a
 * BackupStorageLocation's validation error.
 */
export function WrappingListItemText(props: ListItemTextProps) {
  return (
    <ListItemText
      {...props}
      style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', ...props.style }}
    />
  );
}
