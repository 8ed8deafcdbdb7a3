/**
 * A Kubernetes API simulator seeded with the Odoo backup scenario.
 *
 * @packageDocumentation
 */
export { KubeSimulator, REQUEST_LOG_DIR_ENV } from './KubeSimulator';
export type { KubeSimulatorOptions } from './KubeSimulator';
export {
  scenarioNames,
  scenarioDescriptions,
  buildScenario,
} from './scenarios/buildScenario';
export {
  buildScaleScenario,
  scheduleShares,
} from './scenarios/buildScaleScenario';
export type { ScaleOptions } from './scenarios/buildScaleScenario';
export type { ScenarioName, Scenario } from './scenarios/Scenario';
export type { KubeObject } from './store/KubeObject';
export type { BackupArchive } from './controllers/veleroBackupArchive';
export type { ResultSet, VeleroResults } from './controllers/veleroLog';
export type {
  Fault,
  FaultScope,
  StatusFault,
  UnauthorizedFault,
  ForbiddenFault,
  MissingGroupFault,
  FlakyFault,
  LatencyFault,
  FailPageFault,
  RepeatContinueFault,
} from './api/Fault';
export type { RequestLogEntry } from './api/RequestLog';
export type { ControllerFault } from './controllers/ControllerFaults';
