export { SourceErrors } from './SourceErrors';
