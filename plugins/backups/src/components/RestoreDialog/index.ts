export { isRestorable, RestoreButton } from './RestoreButton';
export { RestoreDialog } from './RestoreDialog';
