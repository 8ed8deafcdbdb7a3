import { ConfigReader } from '@backstage/config';
import { gitopsRemote } from './gitopsRemote';

const config = new ConfigReader({
  integrations: {
    github: [
      { host: 'github.com', token: 'gh-token' },
      { host: 'ghe.example.net', token: 'ghe-token' },
    ],
    gitlab: [{ host: 'gitlab.example.net', token: 'gl-token' }],
  },
  backups: {
    scaffolder: {
      gitops: { repository: 'http://127.0.0.1:8002/odoo-gitops.git' },
    },
  },
});

describe('gitopsRemote', () => {
  it('reaches the demo repository without credentials', () => {
    expect(
      gitopsRemote(config, 'http://127.0.0.1:8002/odoo-gitops.git'),
    ).toEqual({
      url: 'http://127.0.0.1:8002/odoo-gitops.git',
      forge: 'git',
      auth: { username: '', password: '' },
    });
  });

  it.each([
    [
      'https://github.com/hayden/home-ops.git',
      'x-access-token',
      'gh-token',
      'github.com?owner=hayden&repo=home-ops',
    ],
    [
      'https://github.com/hayden/home-ops',
      'x-access-token',
      'gh-token',
      'github.com?owner=hayden&repo=home-ops',
    ],
    [
      'https://ghe.example.net/sre/gitops.git',
      'x-access-token',
      'ghe-token',
      'ghe.example.net?owner=sre&repo=gitops',
    ],
  ])(
    'takes %s as GitHub, with its integration token',
    (url, username, password, githubRepoUrl) => {
      expect(gitopsRemote(config, url)).toEqual({
        url,
        forge: 'github',
        auth: { username, password },
        githubRepoUrl,
      });
    },
  );

  it('takes a GitLab host as a plain git remote, with its token', () => {
    expect(
      gitopsRemote(config, 'https://gitlab.example.net/sre/gitops.git'),
    ).toMatchObject({
      forge: 'git',
      auth: { username: 'oauth2', password: 'gl-token' },
    });
  });

  it('reaches github.com anonymously when no integration is configured', () => {
    expect(
      gitopsRemote(new ConfigReader({}), 'https://github.com/a/b.git').auth,
    ).toEqual({
      username: '',
      password: '',
    });
  });

  it.each([
    [
      'http://127.0.0.1:9999/odoo-gitops.git',
      /the host 127\.0\.0\.1:9999 is neither/,
    ],
    [
      'http://169.254.169.254/latest.git',
      /the host 169\.254\.169\.254 is neither/,
    ],
    [
      'https://github.com/hayden/home-ops/tree/main',
      /a GitHub repository URL is https:\/\/<host>\/<owner>\/<repo>/,
    ],
  ])('refuses %s', (url, message) => {
    expect(() => gitopsRemote(config, url)).toThrow(message);
  });
});
