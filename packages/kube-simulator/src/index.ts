/**
 * A Kubernetes API simulator seeded with the Odoo backup scenario.
 *
 * @packageDocumentation
 */
export { KubeSimulator } from './KubeSimulator';
export type { KubeSimulatorOptions } from './KubeSimulator';
export {
  scenarioNames,
  scenarioDescriptions,
  buildScenario,
} from './scenarios/buildScenario';
export type { ScenarioName, Scenario } from './scenarios/Scenario';
export type { KubeObject } from './store/KubeObject';
export type { Fault } from './api/Fault';
