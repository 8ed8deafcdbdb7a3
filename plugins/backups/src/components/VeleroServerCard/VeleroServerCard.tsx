import { InfoCard, StatusError, StatusOK } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { WrappingListItemText } from '../WrappingListItemText';
import type {
  VeleroSection,
  WorkloadReadiness,
} from '@internal/plugin-backups-common';

function Readiness(props: { label: string; workload?: WorkloadReadiness }) {
  const { label, workload } = props;
  if (!workload) {
    return (
      <ListItem>
        <WrappingListItemText
          primary={<StatusError>{label}: not found</StatusError>}
        />
      </ListItem>
    );
  }
  const ready = workload.desired > 0 && workload.ready >= workload.desired;
  const text = `${label} ${workload.name}: ${workload.ready}/${workload.desired} ready`;
  return (
    <ListItem>
      <WrappingListItemText
        primary={
          ready ? (
            <StatusOK>{text}</StatusOK>
          ) : (
            <StatusError>{text}</StatusError>
          )
        }
      />
    </ListItem>
  );
}

/** Whether the Velero server, its node agent and the snapshot class are in place. */
export function VeleroServerCard(props: { velero: VeleroSection }) {
  const server = props.velero.server;
  const classes = server?.volumeSnapshotClasses;
  return (
    <InfoCard title={`Velero in ${props.velero.namespace}`} noPadding>
      <List dense>
        <Readiness label="Deployment" workload={server?.deployment} />
        <Readiness label="Node agent" workload={server?.nodeAgent} />
        <ListItem>
          <WrappingListItemText
            primary={
              classes && classes.length > 0 ? (
                <StatusOK>VolumeSnapshotClass {classes.join(', ')}</StatusOK>
              ) : (
                <StatusError>
                  No VolumeSnapshotClass: CSI snapshots cannot be taken
                </StatusError>
              )
            }
          />
        </ListItem>
      </List>
    </InfoCard>
  );
}
