import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { ANNOTATION_KUBERNETES_NAMESPACE } from '@internal/plugin-backups-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { backupsApiRef } from '../api';
import { RestorePlanView } from '../components/RestoreDialog/RestorePlanView';
import { describeError } from '../utils/describeError';
import { entityOfForm, planRequestOfForm, RestoreForm } from './restoreForm';

/** Plans for the form's choices; never requests a restore. */
function usePlan(form: RestoreForm) {
  const catalogApi = useApi(catalogApiRef);
  const backupsApi = useApi(backupsApiRef);
  const entityRef = entityOfForm(form);
  const { backupName } = form;
  const choices = JSON.stringify([
    form.entityRef,
    backupName,
    form.target,
    form.existingResourcePolicy,
    form.restorePVs,
    form.suspendGitOps,
    form.acknowledgePartiallyFailed,
  ]);
  return useAsync(async () => {
    if (!entityRef || !backupName) return undefined;
    const entity = await catalogApi.getEntityByRef(entityRef);
    const namespace =
      entity?.metadata.annotations?.[ANNOTATION_KUBERNETES_NAMESPACE];
    if (!namespace)
      throw new Error(
        `${form.entityRef} has no ${ANNOTATION_KUBERNETES_NAMESPACE} annotation`,
      );
    return backupsApi.planRestore(
      entityRef,
      planRequestOfForm({ ...form, backupName }, namespace),
    );
    // The choices, not the form object, which changes with this field's value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [choices]);
}

/**
 * The form field `RestorePlanPreview`: the backend's plan for the form's
 * choices, read-only. Its value is the plan's hash, so a form whose plan
 * could not be made cannot be submitted.
 */
export function RestorePlanPreview(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange } = props;
  const form = (props.formContext?.formData ?? {}) as RestoreForm;
  const { value: plan, loading, error } = usePlan(form);
  // Set only on a change: the form hands a new onChange on every render.
  useEffect(() => {
    if (plan?.hash !== formData) onChange(plan?.hash);
  }, [plan?.hash, formData, onChange]);

  if (!form.entityRef || !form.backupName)
    return (
      <Alert severity="info">Choose the component and the backup first.</Alert>
    );
  if (loading) return <Progress />;
  if (error || !plan)
    return (
      <Alert severity="error" data-testid="restore-preview-error">
        The backend refused to plan this restore:{' '}
        {error ? describeError(error).message : 'no plan'}. Go back and change
        the choices.
      </Alert>
    );
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        Create requests this restore: the task plans again, then follows the
        restore to its end.
      </Typography>
      <RestorePlanView plan={plan} />
    </>
  );
}

/** Refuses to go on without a plan. */
export const restorePlanPreviewValidation: CustomFieldValidator<string> = (
  value,
  validation,
) => {
  if (!value) validation.addError('There is no plan for these choices yet');
};
