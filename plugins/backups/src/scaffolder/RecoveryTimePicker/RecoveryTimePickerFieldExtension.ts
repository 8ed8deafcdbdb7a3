import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { backupsPlugin } from '../../plugin';
import { RecoveryTimePicker } from './RecoveryTimePicker';
import { recoveryTimeValidation } from './recoveryTimeValidation';

/**
 * `ui:field: RecoveryTimePicker`: a time inside the live recoverability window
 * of the CNPG cluster chosen in the form (legacy frontend system, under
 * `<ScaffolderFieldExtensions>`). `ui:options` name the form's fields:
 * `entityField` (default `entity`), `clusterField` (`cluster`), `namespaceField` (`namespace`).
 */
export const RecoveryTimePickerFieldExtension = backupsPlugin.provide(
  createScaffolderFieldExtension({
    name: 'RecoveryTimePicker',
    component: RecoveryTimePicker,
    validation: recoveryTimeValidation,
  }),
);
