export { WrappingListItemText } from './WrappingListItemText';
