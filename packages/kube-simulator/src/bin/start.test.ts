import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

describe('kube-simulator CLI', () => {
  it('starts on the given port with a scenario and answers /version', async () => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolve(__dirname, 'start.ts'),
        '--port',
        '0',
        '--scenario',
        'wal-failing',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', chunk => {
          out += chunk;
          if (out.includes('\n')) done(out.trim());
        });
        child.on('exit', code => fail(new Error(`exited with ${code}`)));
      });
      const match = line.match(
        /^kube-simulator listening on (http:\/\/127\.0\.0\.1:\d+) \(scenario wal-failing\)$/,
      );
      expect(match).not.toBeNull();
      const version = await fetch(`${match![1]}/version`).then(r => r.json());
      expect(version.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
