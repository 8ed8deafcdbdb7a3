import { mockServices } from '@backstage/backend-test-utils';
import { restorePlanRequestSchema } from '@internal/plugin-backups-common';
import { restoreVeleroBackupTemplate } from './__testUtils__/restoreVeleroBackupTemplate';
import { createVeleroRestoreAction } from './createVeleroRestoreAction';

const template = restoreVeleroBackupTemplate;
const properties: Record<string, any> = Object.assign(
  {},
  ...template.spec.parameters.map((page: any) => page.properties),
);
const step = template.spec.steps.find(
  (s: any) => s.action === 'backups:velero:restore',
);
const action = createVeleroRestoreAction({
  auth: mockServices.auth(),
  discovery: mockServices.discovery(),
});

describe('the "Restore from Velero backup" template', () => {
  it('fills only inputs the action has', () => {
    const inputs = Object.keys((action.schema?.input as any).properties);
    expect(Object.keys(step.input).filter(k => !inputs.includes(k))).toEqual(
      [],
    );
  });

  it("offers the backend's policies for existing objects", () => {
    expect(properties.existingResourcePolicy.enum).toEqual(
      restorePlanRequestSchema.shape.existingResourcePolicy.unwrap().options,
    );
  });

  it('has the form fields the RestorePlanPreview field reads', () => {
    expect(Object.keys(properties).sort()).toEqual([
      'acknowledgePartiallyFailed',
      'backupName',
      'entityRef',
      'existingResourcePolicy',
      'plan',
      'restorePVs',
      'suspendGitOps',
      'target',
    ]);
    expect(properties.plan['ui:field']).toBe('RestorePlanPreview');
    expect(properties.backupName['ui:field']).toBe('VeleroBackupPicker');
  });

  it('waits for the restore', () => {
    expect(step.input.wait).toBe(true);
  });
});
