import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { healthyOverview } from '../../__fixtures__/overviewFixtures';
import { restoreItem } from '../../__fixtures__/restoreFixtures';
import {
  backendError,
  odooUrl,
  renderBackupsTab,
} from '../../__testUtils__/renderBackupsTab';

const server = setupServer();
const backup = 'odoo-daily-20261123030000';
const restore = restoreItem().name;

describe('LogsDialog', () => {
  registerMswTestHooks(server);
  beforeEach(() =>
    server.use(
      http.get(`${odooUrl}/overview`, () => HttpResponse.json(healthyOverview)),
      http.get(`${odooUrl}/restores`, () =>
        HttpResponse.json({ items: [restoreItem()] }),
      ),
    ),
  );

  it("shows a backup's log as text, asked of the backup's cluster", async () => {
    const asked: string[] = [];
    const log = Array.from(
      { length: 200 },
      (_, i) =>
        `time="2026-11-23T03:00:${String(i % 60).padStart(
          2,
          '0',
        )}Z" level=info msg="Backed up item ${i}" backup=velero/${backup}`,
    ).join('\n');
    server.use(
      http.get(`${odooUrl}/backups/${backup}/logs`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('cluster')!);
        return HttpResponse.text(log);
      }),
    );
    await renderBackupsTab();
    await userEvent.click(
      await screen.findByTestId(`logs-button-backup-${backup}`),
    );
    const dialog = await screen.findByTestId('logs-dialog');
    const text = await within(dialog).findByTestId('logs-text');
    expect(text.textContent).toBe(log);
    expect(text.tagName).toBe('PRE');
    expect(asked).toEqual(['demo']);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByTestId('logs-dialog')).not.toBeInTheDocument(),
    );
  });

  it("says why a restore's log is refused", async () => {
    server.use(
      http.get(`${odooUrl}/restores/${restore}/logs`, () =>
        backendError(
          403,
          'NotAllowedError',
          'Not allowed to backups.restore.create on component:default/odoo',
        ),
      ),
    );
    await renderBackupsTab();
    await userEvent.click(
      await screen.findByTestId(`logs-button-restore-${restore}`),
    );
    const dialog = await screen.findByTestId('logs-dialog');
    expect(await within(dialog).findByTestId('logs-error')).toHaveTextContent(
      'Not allowed: Not allowed to backups.restore.create on component:default/odoo',
    );
    expect(within(dialog).queryByTestId('logs-text')).not.toBeInTheDocument();
  });
});
