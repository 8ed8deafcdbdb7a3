import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { BackupsPermissionPolicy } from './BackupsPermissionPolicy';

/** Replaces allow-all with the product's policy; see BackupsPermissionPolicy. */
export const permissionModuleBackupsPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'backups-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        policy.setPolicy(BackupsPermissionPolicy.create({ config }));
      },
    });
  },
});
