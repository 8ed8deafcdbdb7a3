import { redact } from './redact';

describe('redact', () => {
  it.each([
    [
      'request to https://10.0.0.12:6443/apis/velero.io/v1/namespaces/velero/backups?limit=500 failed, reason: connect ECONNREFUSED 10.0.0.12:6443',
      'request to [address] failed, reason: connect ECONNREFUSED [address]',
    ],
    [
      'getaddrinfo ENOTFOUND kube.example.internal:6443',
      'getaddrinfo ENOTFOUND [address]',
    ],
    ['connect ECONNREFUSED [fd00::1]:6443', 'connect ECONNREFUSED [address]'],
    ['Authorization: Bearer abcdefghijklmnop', 'Authorization: Bearer [token]'],
    ['token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'token [token]'],
    [
      'dial tcp fd00::12 refused at 10:30:00',
      'dial tcp [address] refused at 10:30:00',
    ],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps what an operator needs', () => {
    const message =
      'backups.velero.io is forbidden: User "system:serviceaccount:backstage:backups" cannot list resource "backups" in API group "velero.io" in the namespace "velero"';
    expect(redact(message)).toBe(message);
  });
});
