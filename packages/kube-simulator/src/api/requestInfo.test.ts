import { requestInfo } from './requestInfo';

function info(method: string, path: string) {
  return requestInfo(method, new URL(path, 'http://simulator'));
}

describe('requestInfo', () => {
  it.each([
    ['GET', '/api/v1/pods', { verb: 'list', group: '', resource: 'pods' }],
    [
      'GET',
      '/api/v1/namespaces/app/pods?watch=true',
      { verb: 'watch', group: '', resource: 'pods', namespace: 'app' },
    ],
    [
      'GET',
      '/api/v1/namespaces/app',
      { verb: 'get', resource: 'namespaces', namespace: 'app', name: 'app' },
    ],
    [
      'PUT',
      '/api/v1/namespaces/app/status',
      {
        verb: 'update',
        resource: 'namespaces',
        name: 'app',
        subresource: 'status',
      },
    ],
    [
      'GET',
      '/apis/velero.io/v1/namespaces/velero/backups/b1',
      {
        verb: 'get',
        group: 'velero.io',
        version: 'v1',
        resource: 'backups',
        namespace: 'velero',
        name: 'b1',
      },
    ],
    [
      'PATCH',
      '/apis/velero.io/v1/namespaces/velero/backups/b1/status',
      { verb: 'patch', subresource: 'status', name: 'b1' },
    ],
    [
      'POST',
      '/apis/velero.io/v1/namespaces/velero/restores',
      { verb: 'create', resource: 'restores' },
    ],
    [
      'DELETE',
      '/apis/velero.io/v1/namespaces/velero/backups',
      { verb: 'deletecollection' },
    ],
    [
      'DELETE',
      '/apis/velero.io/v1/namespaces/velero/backups/b1',
      { verb: 'delete', name: 'b1' },
    ],
    [
      'GET',
      '/apis/storage.k8s.io/v1/storageclasses',
      { verb: 'list', group: 'storage.k8s.io', resource: 'storageclasses' },
    ],
  ])('%s %s', (method, path, expected) => {
    expect(info(method, path)).toMatchObject({
      resourceRequest: true,
      ...expected,
    });
  });

  it.each([
    ['/api'],
    ['/api/v1'],
    ['/apis'],
    ['/apis/velero.io'],
    ['/apis/velero.io/v1'],
    ['/version'],
  ])('%s is a non-resource request', path => {
    expect(info('GET', path)).toEqual({
      resourceRequest: false,
      verb: 'get',
      path,
    });
  });
});
