import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createVeleroGenerateAction } from './actions/createVeleroGenerateAction';
import { createGitopsCheckoutAction } from './actions/gitops/createGitopsCheckoutAction';
import { createGitopsDiffAction } from './actions/gitops/createGitopsDiffAction';
import { createGitopsProposeAction } from './actions/gitops/createGitopsProposeAction';

/** Registers the backups scaffolder actions. */
export const scaffolderModuleBackups = createBackendModule({
  moduleId: 'backups',
  pluginId: 'scaffolder',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolderActions, config }) {
        scaffolderActions.addActions(
          createVeleroGenerateAction({ config }),
          createGitopsCheckoutAction({ config }),
          createGitopsDiffAction(),
          createGitopsProposeAction({ config }),
        );
      },
    });
  },
});
