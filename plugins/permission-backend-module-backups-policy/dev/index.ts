import { createBackend } from '@backstage/backend-defaults';

// The permission backend with this policy, to try decisions through
// POST http://localhost:7007/api/permission/authorize without the whole app.
const backend = createBackend();
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('../src'));
backend.start();
