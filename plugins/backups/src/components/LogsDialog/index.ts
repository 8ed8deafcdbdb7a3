export { LogsButton } from './LogsButton';
export { LogsDialog } from './LogsDialog';
