import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';

const OK = new Set([
  'Completed',
  'completed',
  'Available',
  'Enabled',
  'Successful',
]);
const WARNING = new Set([
  'PartiallyFailed',
  'WaitingForPluginOperationsPartiallyFailed',
  'FinalizingPartiallyFailed',
]);
const ERROR = new Set([
  'Failed',
  'failed',
  'FailedValidation',
  'Unavailable',
  'walArchivingFailing',
]);
const RUNNING = new Set([
  'InProgress',
  'WaitingForPluginOperations',
  'Finalizing',
  'started',
  'running',
  'finalizing',
]);

/** A Velero, CNPG or VolSync phase with a colour that matches its meaning. */
export function PhaseChip(props: { phase?: string }) {
  const phase = props.phase ?? 'Unknown';
  if (OK.has(phase)) return <StatusOK>{phase}</StatusOK>;
  if (WARNING.has(phase)) return <StatusWarning>{phase}</StatusWarning>;
  if (ERROR.has(phase)) return <StatusError>{phase}</StatusError>;
  if (RUNNING.has(phase)) return <StatusRunning>{phase}</StatusRunning>;
  if (phase === 'Deleting') return <StatusAborted>{phase}</StatusAborted>;
  return <StatusPending>{phase}</StatusPending>;
}
