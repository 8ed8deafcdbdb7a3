import { entityOfForm, planRequestOfForm } from './restoreForm';

describe('the restore form', () => {
  it('reads the entity, or none while the ref is missing or bad', () => {
    expect(entityOfForm({ entityRef: 'component:default/odoo' })).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'odoo',
    });
    expect(entityOfForm({})).toBeUndefined();
    expect(entityOfForm({ entityRef: 'odoo' })).toBeUndefined();
    expect(entityOfForm(undefined)).toBeUndefined();
  });

  it('asks for the plan the template step asks for: the target as a namespace, options when given', () => {
    expect(
      planRequestOfForm(
        { backupName: 'b', target: 'in-place', restorePVs: true },
        'business-system',
      ),
    ).toEqual({
      backupName: 'b',
      targetNamespace: 'business-system',
      restorePVs: true,
    });
    expect(
      planRequestOfForm(
        {
          backupName: 'b',
          target: 'new-namespace',
          existingResourcePolicy: 'update',
          restorePVs: false,
          suspendGitOps: true,
          acknowledgePartiallyFailed: false,
        },
        'business-system',
      ),
    ).toEqual({
      backupName: 'b',
      targetNamespace: 'business-system-restore',
      existingResourcePolicy: 'update',
      restorePVs: false,
      suspendGitOps: true,
      acknowledgePartiallyFailed: false,
    });
  });
});
