export { ExampleFetchComponent } from './ExampleFetchComponent';
