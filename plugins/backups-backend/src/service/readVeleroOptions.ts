import { Config } from '@backstage/config';
import { VeleroReaderOptions } from '../readers/readVelero';

/** Where Velero lives: `backups.velero.*`. */
export function readVeleroOptions(config: Config): VeleroReaderOptions {
  return {
    namespace: config.getOptionalString('backups.velero.namespace') ?? 'velero',
    deploymentName:
      config.getOptionalString('backups.velero.deploymentName') ?? 'velero',
    nodeAgentName:
      config.getOptionalString('backups.velero.nodeAgentName') ?? 'node-agent',
  };
}
