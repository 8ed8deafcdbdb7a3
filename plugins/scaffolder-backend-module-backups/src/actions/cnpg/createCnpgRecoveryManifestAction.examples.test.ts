import { validateManifests } from '@internal/crd-schemas';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { cnpgActionHarness } from './__testUtils__/cnpgActionHarness';
import { examples } from './createCnpgRecoveryManifestAction.examples';

describe('backups:cnpg:recovery-manifest examples', () => {
  const { workspace, run } = cnpgActionHarness();

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_description, example) => {
      const output = await run(parse(example.example).steps[0].input);
      expect(output.targetTime).toBe('2026-11-30T10:15:00Z');
      const text = readFileSync(workspace.resolve(output.path), 'utf8');
      expect(validateManifests(text)).toEqual([
        expect.objectContaining({ valid: true, name: output.name }),
      ]);
    },
  );
});
