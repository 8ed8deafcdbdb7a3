import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  cnpgTier,
  failingVeleroTier,
  veleroTier,
} from '../../__fixtures__/overviewFixtures';
import { TierTable } from './TierTable';

describe('TierTable', () => {
  it("shows a non-healthy tier's findings without a click, with their codes", async () => {
    await renderInTestApp(<TierTable tiers={[cnpgTier, failingVeleroTier]} />);
    const tier = screen.getByTestId('tier-velero-odoo-daily');
    expect(tier).toHaveAttribute('data-tier-status', 'critical');
    const failed = tier.querySelector(
      '[data-finding-code="velero.backup.failed"]',
    );
    expect(failed).toHaveTextContent(
      'The newest backup odoo-daily-20261123030000 Failed: storage: bucket does not exist',
    );
    expect(
      within(screen.getByTestId('tier-cnpg-odoo-pg')).queryByTestId(
        'tier-findings',
      ),
    ).not.toBeInTheDocument();
  });

  it('links a copy of a platform finding to its one entry', async () => {
    await renderInTestApp(<TierTable tiers={[failingVeleroTier]} />);
    expect(
      screen.getByRole('link', {
        name: 'BackupStorageLocation gcs: see the platform findings',
      }),
    ).toHaveAttribute(
      'href',
      '#platform-finding-velero-bsl-unavailable-BackupStorageLocation-gcs',
    );
  });

  it("takes the CNPG schedule from the tier's fields", async () => {
    await renderInTestApp(
      <TierTable
        tiers={[
          {
            ...cnpgTier,
            // The legacy sentence must not be what the tab shows.
            schedule: 'not the source of truth',
          },
        ]}
      />,
    );
    const tier = screen.getByTestId('tier-cnpg-odoo-pg');
    expect(within(tier).getByText('WAL continuous')).toBeInTheDocument();
    expect(
      within(tier).getByText('Base: At 02:00, only on Sunday (UTC)'),
    ).toBeInTheDocument();
    expect(within(tier).getByText('0 0 2 * * 0')).toBeInTheDocument();
    expect(
      within(tier).queryByText(/not the source of truth/),
    ).not.toBeInTheDocument();
  });

  it('shows what the recovery point is taken from', async () => {
    await renderInTestApp(<TierTable tiers={[veleroTier]} />);
    expect(screen.getByTestId('recovery-point-basis')).toHaveTextContent(
      'start of backup odoo-daily-20261123030000',
    );
  });

  it('shows the reasons of an older server that sends no findings', async () => {
    await renderInTestApp(
      <TierTable
        tiers={[
          {
            ...veleroTier,
            status: 'warning',
            schedules: undefined,
            findings: undefined,
            reasons: ['The schedule is paused'],
          },
        ]}
      />,
    );
    expect(screen.getByText('The schedule is paused')).toBeInTheDocument();
    expect(screen.getByText('0 3 * * *')).toBeInTheDocument();
  });

  it('says so when no tier was found', async () => {
    await renderInTestApp(<TierTable tiers={[]} />);
    expect(
      screen.getByText('No backup mechanism was found for this entity.'),
    ).toBeInTheDocument();
  });
});
