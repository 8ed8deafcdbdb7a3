import { backupsPlugin } from './plugin';

describe('backups', () => {
  it('should export plugin', () => {
    expect(backupsPlugin).toBeDefined();
  });
});
