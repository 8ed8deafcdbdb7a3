import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createVeleroGenerateAction } from './actions/createVeleroGenerateAction';
import { createCnpgRecoveryManifestAction } from './actions/cnpg/createCnpgRecoveryManifestAction';
import { createGitopsCheckoutAction } from './actions/gitops/createGitopsCheckoutAction';
import { createGitopsDiffAction } from './actions/gitops/createGitopsDiffAction';
import { createGitopsProposeAction } from './actions/gitops/createGitopsProposeAction';
import { createVeleroRestoreAction } from './actions/restore/createVeleroRestoreAction';

/** Registers the backups scaffolder actions. */
export const scaffolderModuleBackups = createBackendModule({
  moduleId: 'backups',
  pluginId: 'scaffolder',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        // The restore and recovery actions call the backups backend on behalf
        // of the task's initiator, so its permissions decide, not the scaffolder's.
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ scaffolderActions, config, auth, discovery }) {
        scaffolderActions.addActions(
          createVeleroGenerateAction({ config }),
          createGitopsCheckoutAction({ config }),
          createGitopsDiffAction(),
          createGitopsProposeAction({ config }),
          createVeleroRestoreAction({ auth, discovery }),
          createCnpgRecoveryManifestAction({ auth, discovery }),
        );
      },
    });
  },
});
