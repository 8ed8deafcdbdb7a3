export { RecoveryTimePickerFieldExtension } from './RecoveryTimePickerFieldExtension';
export { RecoveryTimePicker } from './RecoveryTimePicker';
export { recoveryTimeValidation } from './recoveryTimeValidation';
export type { RecoveryTimePickerOptions } from './recoveryTarget';
