import { platformFindingAnchor } from './platformFindingAnchor';

describe('platformFindingAnchor', () => {
  it('keeps only characters that are safe in an id and a URL fragment', () => {
    expect(
      platformFindingAnchor('velero.bsl.unavailable:BackupStorageLocation gcs'),
    ).toBe('platform-finding-velero-bsl-unavailable-BackupStorageLocation-gcs');
  });

  it('tells clusters apart when asked to', () => {
    expect(platformFindingAnchor('velero.server.missing', 'prod')).toBe(
      'platform-finding-prod-velero-server-missing',
    );
  });
});
