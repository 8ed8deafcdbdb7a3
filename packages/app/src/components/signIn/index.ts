export { ConfiguredSignInPage } from './ConfiguredSignInPage';
