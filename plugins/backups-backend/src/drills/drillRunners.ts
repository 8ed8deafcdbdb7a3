import type { RestoreConfig } from '../restores/restoreConfig';
import { CnpgDrill } from './cnpgDrill';
import { DrillRunner } from './DrillRunner';
import { VeleroDrill } from './veleroDrill';
import { VolsyncDrill } from './volsyncDrill';

export function veleroDrill(config: RestoreConfig): DrillRunner {
  return new VeleroDrill({ maxDownloadBytes: config.maxDownloadBytes });
}

export function cnpgDrill(): DrillRunner {
  return new CnpgDrill();
}

export function volsyncDrill(): DrillRunner {
  return new VolsyncDrill();
}
