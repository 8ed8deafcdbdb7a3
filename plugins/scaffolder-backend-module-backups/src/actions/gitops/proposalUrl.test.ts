import { proposalUrl } from './proposalUrl';

const auth = { username: '', password: '' };

describe('proposalUrl', () => {
  it("points at the demo server's page for the branch", () => {
    expect(
      proposalUrl(
        { url: 'http://127.0.0.1:8002/odoo-gitops.git', forge: 'git', auth },
        'main',
        'backups/velero-odoo',
      ),
    ).toBe('http://127.0.0.1:8002/?branch=backups%2Fvelero-odoo');
  });

  it("points at GitHub's compare page, which opens a pull request", () => {
    expect(
      proposalUrl(
        {
          url: 'https://github.com/hayden/home-ops.git',
          forge: 'github',
          auth,
        },
        'main',
        'backups/velero-odoo#1',
      ),
    ).toBe(
      'https://github.com/hayden/home-ops/compare/main...backups/velero-odoo%231?expand=1',
    );
  });
});
