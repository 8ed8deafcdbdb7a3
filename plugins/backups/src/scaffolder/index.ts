export { VeleroBackupPickerFieldExtension } from './VeleroBackupPickerFieldExtension';
export { RestorePlanPreviewFieldExtension } from './RestorePlanPreviewFieldExtension';
