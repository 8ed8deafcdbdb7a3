import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { bslUnavailable } from '../../__fixtures__/overviewFixtures';
import { PlatformFindings } from './PlatformFindings';

describe('PlatformFindings', () => {
  it('lists each finding with its subject, message, affected tiers and anchor', async () => {
    await renderInTestApp(<PlatformFindings findings={[bslUnavailable]} />);
    const entry = document.getElementById(
      'platform-finding-velero-bsl-unavailable-BackupStorageLocation-gcs',
    );
    expect(entry).toHaveAttribute(
      'data-finding-code',
      'velero.bsl.unavailable',
    );
    expect(entry).toHaveTextContent('BackupStorageLocation gcs');
    expect(entry).toHaveTextContent(/is Unavailable: .*bucket does not exist/);
    expect(entry).toHaveTextContent('velero/odoo-daily');
    expect(screen.getByText('Critical')).toBeInTheDocument();
  });

  it('keeps anchors of several clusters apart', async () => {
    await renderInTestApp(
      <PlatformFindings findings={[bslUnavailable]} cluster="prod" />,
    );
    expect(
      document.getElementById(
        'platform-finding-prod-velero-bsl-unavailable-BackupStorageLocation-gcs',
      ),
    ).toBeInTheDocument();
  });

  it('renders nothing without findings', async () => {
    await renderInTestApp(<PlatformFindings findings={[]} />);
    expect(screen.queryByText('Platform findings')).not.toBeInTheDocument();
  });
});
