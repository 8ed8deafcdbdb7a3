import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import { backupsApi, backupsEntityContent } from './alpha';
import { backupsApiRef } from './api';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'odoo', annotations },
  };
}

describe('backups alpha extensions', () => {
  it('mounts the Backups tab at /backups for entities with a namespace', () => {
    const tester = createExtensionTester(backupsEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/backups');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Backups');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(
      filter(
        entity({ 'backstage.io/kubernetes-namespace': 'business-system' }),
      ),
    ).toBe(true);
    expect(filter(entity({}))).toBe(false);
  });

  it('provides the backups API', () => {
    const tester = createExtensionTester(backupsApi);
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe(backupsApiRef.id);
  });
});
