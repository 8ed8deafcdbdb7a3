import { InfoCard } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { WrappingListItemText } from '../WrappingListItemText';
import Typography from '@material-ui/core/Typography';
import type {
  VeleroSnapshotLocation,
  VeleroStorageLocation,
} from '@internal/plugin-backups-common';
import { PhaseChip } from '../PhaseChip';
import { formatAbsolute, formatRelative } from '../../utils/formatTime';

/** Backup storage and volume snapshot locations, with their last validation. */
export function VeleroLocationsCard(props: {
  storageLocations: VeleroStorageLocation[];
  snapshotLocations: VeleroSnapshotLocation[];
}) {
  return (
    <InfoCard title="Storage locations" noPadding>
      <List dense>
        {props.storageLocations.map(bsl => (
          <ListItem key={`bsl-${bsl.name}`}>
            <WrappingListItemText
              primary={
                <>
                  <PhaseChip phase={bsl.phase} /> BackupStorageLocation{' '}
                  <b>{bsl.name}</b>
                  {bsl.default ? ' (default)' : ''}: {bsl.provider} {bsl.bucket}
                  {bsl.prefix ? `/${bsl.prefix}` : ''}
                </>
              }
              secondary={
                <>
                  <span title={formatAbsolute(bsl.lastValidationTime)}>
                    validated {formatRelative(bsl.lastValidationTime)}
                  </span>
                  {bsl.message && (
                    <Typography variant="caption" color="error" display="block">
                      {bsl.message}
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
        {props.snapshotLocations.map(vsl => (
          <ListItem key={`vsl-${vsl.name}`}>
            <WrappingListItemText
              primary={
                <>
                  VolumeSnapshotLocation <b>{vsl.name}</b>: {vsl.provider}
                </>
              }
              secondary={vsl.phase}
            />
          </ListItem>
        ))}
        {props.storageLocations.length === 0 && (
          <ListItem>
            <WrappingListItemText primary="No BackupStorageLocation found." />
          </ListItem>
        )}
      </List>
    </InfoCard>
  );
}
