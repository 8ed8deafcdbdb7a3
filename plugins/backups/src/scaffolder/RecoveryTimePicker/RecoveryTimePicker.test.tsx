import {
  MockFetchApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Settings } from 'luxon';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { healthyOverview } from '../../__fixtures__/overviewFixtures';
import {
  backendError,
  baseUrl,
  odooUrl,
} from '../../__testUtils__/renderBackupsTab';
import { backupsApiRef, BackupsClient } from '../../api';
import { RecoveryTimePicker } from './RecoveryTimePicker';

const server = setupServer();
const odooForm = {
  entity: 'component:default/odoo',
  cluster: 'odoo-pg',
  namespace: 'business-system',
};

async function renderPicker(
  form: Record<string, unknown> = odooForm,
  formData?: string,
) {
  const onChange = jest.fn();
  const discoveryApi = { getBaseUrl: async () => baseUrl };
  const props = {
    formData,
    onChange,
    formContext: { formData: form },
    schema: { title: 'Recover to' },
    uiSchema: {},
    idSchema: { $id: 'root_targetTime' },
    rawErrors: [],
    required: true,
  } as any;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          backupsApiRef,
          new BackupsClient({ discoveryApi, fetchApi: new MockFetchApi() }),
        ],
      ]}
    >
      <RecoveryTimePicker {...props} />
    </TestApiProvider>,
  );
  return onChange;
}

describe('RecoveryTimePicker', () => {
  registerMswTestHooks(server);
  const zone = Settings.defaultZone;
  beforeEach(() => {
    Settings.defaultZone = 'Europe/Paris';
    server.use(
      http.get(`${odooUrl}/overview`, () => HttpResponse.json(healthyOverview)),
    );
  });
  afterEach(() => {
    Settings.defaultZone = zone;
  });

  it('shows the recoverability window in UTC and in local time', async () => {
    await renderPicker();
    expect(await screen.findByTestId('recovery-window')).toHaveTextContent(
      'odoo-pg can be recovered from 2026-11-16 02:00:00 UTC (2026-11-16 03:00:00 GMT+1) to 2026-11-23 08:00:00 UTC (2026-11-23 09:00:00 GMT+1).',
    );
    const input = screen.getByTestId('recovery-time');
    expect(input).toHaveAttribute('min', '2026-11-16T02:00:00');
    expect(input).toHaveAttribute('max', '2026-11-23T08:00:00');
  });

  it('stores the time typed in UTC, or in local time, as RFC 3339 in UTC', async () => {
    const onChange = await renderPicker();
    const input = await screen.findByTestId('recovery-time');
    fireEvent.change(input, { target: { value: '2026-11-20T10:15:00' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-11-20T10:15:00Z');

    await userEvent.click(screen.getByRole('button', { name: /UTC/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText(/Local \(Europe\/Paris\)/),
    );
    fireEvent.change(screen.getByTestId('recovery-time'), {
      target: { value: '2026-11-20T10:15:00' },
    });
    expect(onChange).toHaveBeenLastCalledWith('2026-11-20T09:15:00Z');
  });

  it('shows the chosen time in both zones', async () => {
    await renderPicker(odooForm, '2026-11-20T10:15:00Z');
    expect(
      await screen.findByText(
        'Recovers to 2026-11-20 10:15:00 UTC (2026-11-20 11:15:00 GMT+1)',
      ),
    ).toBeInTheDocument();
  });

  it('says why a time after the window is refused, giving the window', async () => {
    await renderPicker(odooForm, '2026-11-23T08:00:01Z');
    expect(
      await screen.findByText(
        '2026-11-23T08:00:01Z is outside the recoverability window of odoo-pg: 2026-11-16T02:00:00Z to 2026-11-23T08:00:00Z (UTC)',
      ),
    ).toBeInTheDocument();
  });

  it('offers the latest point of the window', async () => {
    const onChange = await renderPicker();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Latest point' }),
    );
    expect(onChange).toHaveBeenLastCalledWith('2026-11-23T08:00:00Z');
  });

  it('waits for the entity and the cluster', async () => {
    await renderPicker({ entity: 'component:default/odoo' });
    expect(
      screen.getByText(
        'Choose the entity and the CloudNativePG cluster first.',
      ),
    ).toBeInTheDocument();
  });

  it('says so when the entity has no such cluster', async () => {
    await renderPicker({ ...odooForm, cluster: 'crm-pg' });
    expect(
      await screen.findByTestId('recovery-window-error'),
    ).toHaveTextContent(
      'component:default/odoo has no CloudNativePG cluster crm-pg in namespace business-system',
    );
  });

  it("shows the backend's refusal", async () => {
    server.use(
      http.get(`${odooUrl}/overview`, () =>
        backendError(403, 'NotAllowedError', 'Not allowed to read backups'),
      ),
    );
    await renderPicker();
    expect(
      await screen.findByTestId('recovery-window-error'),
    ).toHaveTextContent(
      'The recoverability window could not be read: Not allowed: Not allowed to read backups',
    );
  });
});
