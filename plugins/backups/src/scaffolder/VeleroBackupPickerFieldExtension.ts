import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { backupsPlugin } from '../plugin';
import {
  VeleroBackupPicker,
  veleroBackupPickerValidation,
} from './VeleroBackupPicker';

/**
 * `ui:field: VeleroBackupPicker`: a restorable Velero backup of the entity in
 * the form's `entityRef` (legacy frontend system, under `<ScaffolderFieldExtensions>`).
 */
export const VeleroBackupPickerFieldExtension = backupsPlugin.provide(
  createScaffolderFieldExtension({
    name: 'VeleroBackupPicker',
    component: VeleroBackupPicker,
    validation: veleroBackupPickerValidation,
  }),
);
