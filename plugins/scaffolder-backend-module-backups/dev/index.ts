import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// The scaffolder backend with this module, to try the action through
// POST http://localhost:7007/api/scaffolder/v2/dry-run without the whole app.
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(catalogServiceMock.factory({ entities: [] }));
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('../src'));
backend.start();
