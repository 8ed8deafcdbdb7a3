import { registerMswTestHooks } from '@backstage/test-utils';
import type { VeleroBackup } from '@internal/plugin-backups-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { healthyOverview } from '../__fixtures__/overviewFixtures';
import { backendError, odooUrl } from '../__testUtils__/renderBackupsTab';
import { renderField } from './__testUtils__/renderField';
import {
  VeleroBackupPicker,
  veleroBackupPickerValidation,
} from './VeleroBackupPicker';

const server = setupServer();
const HOUR = 3600_000;
const ago = (hours: number) =>
  new Date(Date.now() - hours * HOUR).toISOString();

function backup(
  name: string,
  hoursAgo: number,
  more: Partial<VeleroBackup> = {},
) {
  return {
    name,
    phase: 'Completed',
    startTimestamp: ago(hoursAgo),
    expiration: ago(hoursAgo - 168),
    warnings: 0,
    ...more,
  };
}

function serveBackups(backups: VeleroBackup[]) {
  const [cluster] = healthyOverview.clusters;
  server.use(
    http.get(`${odooUrl}/overview`, () =>
      HttpResponse.json({
        ...healthyOverview,
        clusters: [{ ...cluster, velero: { ...cluster.velero!, backups } }],
      }),
    ),
  );
}

const form = { entityRef: 'component:default/odoo' };

describe('VeleroBackupPicker', () => {
  registerMswTestHooks(server);

  it('lists the restorable backups newest first, with age, phase and warnings', async () => {
    serveBackups([
      backup('odoo-daily-2', 27, { warnings: 2 }),
      backup('odoo-daily-1', 3),
      backup('odoo-failed', 1, { phase: 'Failed' }),
      backup('odoo-partly', 10, { phase: 'PartiallyFailed', warnings: 1 }),
      backup('odoo-expired', 200),
    ]);
    const { onChange } = await renderField(VeleroBackupPicker, form);

    await userEvent.click(await screen.findByRole('button'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.getAttribute('data-value'))).toEqual([
      'odoo-daily-1',
      'odoo-partly',
      'odoo-daily-2',
    ]);
    expect(options[0]).toHaveTextContent(
      '3 hours ago · Completed · 0 warning(s)',
    );
    expect(options[1]).toHaveTextContent(
      '10 hours ago · PartiallyFailed · 1 warning(s)',
    );
    expect(options[1]).toHaveTextContent(
      /Partly failed: some items are missing/,
    );
    expect(options[2]).toHaveTextContent(
      '1 day ago · Completed · 2 warning(s)',
    );
    expect(options[0]).not.toHaveTextContent('cluster');

    await userEvent.click(options[1]);
    expect(onChange).toHaveBeenLastCalledWith('odoo-partly');
    await waitFor(() =>
      expect(screen.getByTestId('backup-picker')).toHaveValue('odoo-partly'),
    );
  });

  it('asks for the component first, and reads nothing without it', async () => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      requests.push(request.url);
    });
    await renderField(VeleroBackupPicker, {});
    expect(screen.getByText('Choose the component first.')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('says so when there is nothing to restore', async () => {
    serveBackups([backup('odoo-failed', 1, { phase: 'Failed' })]);
    await renderField(VeleroBackupPicker, form);
    expect(await screen.findByTestId('backup-picker-empty')).toHaveTextContent(
      'odoo has no backup to restore',
    );
  });

  it("shows the backend's refusal", async () => {
    server.use(
      http.get(`${odooUrl}/overview`, () =>
        backendError(
          403,
          'NotAllowedError',
          'Not allowed to backups.read on component:default/odoo',
        ),
      ),
    );
    await renderField(VeleroBackupPicker, form);
    expect(await screen.findByTestId('backup-picker-error')).toHaveTextContent(
      'Its backups could not be read: Not allowed: Not allowed to backups.read on component:default/odoo',
    );
  });

  it('drops a choice that is not a backup of the chosen entity', async () => {
    serveBackups([backup('odoo-daily-1', 3)]);
    const { onChange } = await renderField(
      VeleroBackupPicker,
      form,
      'crm-daily-1',
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(undefined));
    expect(
      within(await screen.findByRole('button')).queryByText('crm-daily-1'),
    ).toBeNull();
  });

  it('refuses an empty choice and what cannot be a backup name', () => {
    const errors = (value: string | undefined) => {
      const found: string[] = [];
      veleroBackupPickerValidation(
        value as string,
        { addError: (e: string) => found.push(e) } as any,
        {} as any,
      );
      return found;
    };
    expect(errors(undefined)).toEqual(['Choose a backup to restore']);
    expect(errors('  ')).toEqual(['Choose a backup to restore']);
    expect(errors('Odoo Daily')).toEqual([
      'Odoo Daily is not the name of a backup',
    ]);
    expect(errors('odoo-daily-1')).toEqual([]);
  });
});
