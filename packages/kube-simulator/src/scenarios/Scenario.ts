import { Fault } from '../api/Fault';
import { KubeObject } from '../store/KubeObject';

/** The state a simulated cluster starts in. */
export type Scenario = {
  objects: KubeObject[];
  /** CRD groups that are not installed: every request to them answers 404. */
  missingGroups?: string[];
  faults?: Fault[];
};

export type ScenarioName =
  | 'healthy'
  | 'wal-failing'
  | 'velero-failing'
  | 'selector-mismatch'
  | 'velero-missing'
  | 'forbidden';
