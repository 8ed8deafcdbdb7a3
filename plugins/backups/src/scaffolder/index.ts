export { VeleroBackupPickerFieldExtension } from './VeleroBackupPickerFieldExtension';
export { RestorePlanPreviewFieldExtension } from './RestorePlanPreviewFieldExtension';
export { RecoveryTimePickerFieldExtension } from './RecoveryTimePicker';
