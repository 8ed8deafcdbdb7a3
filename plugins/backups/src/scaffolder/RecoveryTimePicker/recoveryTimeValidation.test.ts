import {
  MockFetchApi,
  registerMswTestHooks,
  TestApiRegistry,
} from '@backstage/test-utils';
import type { FieldValidation } from '@rjsf/utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { healthyOverview } from '../../__fixtures__/overviewFixtures';
import { baseUrl, odooUrl } from '../../__testUtils__/renderBackupsTab';
import { backupsApiRef, BackupsClient } from '../../api';
import { recoveryTimeValidation } from './recoveryTimeValidation';

const server = setupServer();
const apiHolder = TestApiRegistry.from([
  backupsApiRef,
  new BackupsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  }),
]);

async function errorsOf(value: string, formData: Record<string, string>) {
  const addError = jest.fn();
  await recoveryTimeValidation(
    value,
    { addError } as unknown as FieldValidation,
    { apiHolder, formData, schema: {} },
  );
  return addError.mock.calls.map(([message]) => message);
}

const form = { entity: 'component:default/odoo', cluster: 'odoo-pg' };

describe('recoveryTimeValidation', () => {
  registerMswTestHooks(server);
  beforeEach(() =>
    server.use(
      http.get(`${odooUrl}/overview`, () => HttpResponse.json(healthyOverview)),
    ),
  );

  it('accepts a time inside the window, either end included', async () => {
    expect(await errorsOf('2026-11-20T10:15:00Z', form)).toEqual([]);
    expect(await errorsOf('2026-11-16T03:00:00+01:00', form)).toEqual([]);
    expect(await errorsOf('2026-11-23T08:00:00Z', form)).toEqual([]);
  });

  it.each([
    ['before', '2026-11-16T01:59:59Z'],
    ['after', '2026-11-23T09:00:01+01:00'],
  ])('refuses a time %s the window, giving the window', async (_side, time) => {
    const [message] = await errorsOf(time, form);
    expect(message).toMatch(
      /is outside the recoverability window of odoo-pg: 2026-11-16T02:00:00Z to 2026-11-23T08:00:00Z \(UTC\)$/,
    );
  });

  it('reads the fields named in ui:options', async () => {
    const addError = jest.fn();
    await recoveryTimeValidation(
      '2026-12-01T00:00:00Z',
      { addError } as unknown as FieldValidation,
      {
        apiHolder,
        formData: { app: 'component:default/odoo', pg: 'odoo-pg' },
        schema: {},
        uiSchema: { 'ui:options': { entityField: 'app', clusterField: 'pg' } },
      },
    );
    expect(addError).toHaveBeenCalledWith(
      expect.stringContaining('outside the recoverability window of odoo-pg'),
    );
  });

  it('refuses a time without a zone, and a cluster the entity does not have', async () => {
    expect(await errorsOf('2026-11-20T10:15:00', form)).toEqual([
      '2026-11-20T10:15:00 is not an RFC 3339 time with a zone, such as 2026-11-30T10:15:00Z',
    ]);
    expect(
      await errorsOf('2026-11-20T10:15:00Z', { ...form, cluster: 'crm-pg' }),
    ).toEqual(['component:default/odoo has no CloudNativePG cluster crm-pg']);
  });
});
