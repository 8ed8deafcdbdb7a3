import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { backupsPlugin } from '../plugin';
import {
  RestorePlanPreview,
  restorePlanPreviewValidation,
} from './RestorePlanPreview';

/**
 * `ui:field: RestorePlanPreview`: the backend's restore plan for the form's
 * choices, read-only (legacy frontend system, under `<ScaffolderFieldExtensions>`).
 */
export const RestorePlanPreviewFieldExtension = backupsPlugin.provide(
  createScaffolderFieldExtension({
    name: 'RestorePlanPreview',
    component: RestorePlanPreview,
    validation: restorePlanPreviewValidation,
  }),
);
