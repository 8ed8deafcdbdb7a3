import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { backupsApiRef } from '../../api';
import { describeError } from '../../utils/describeError';
import {
  outsideWindowProblem,
  parseStoredTime,
  RecoveryTimePickerOptions,
  recoveryTargetOfForm,
  recoveryWindowOf,
} from './recoveryTarget';

/**
 * Refuses a time outside the window the backend reports when the step is
 * submitted, so a window that moved since the page opened is the one checked.
 */
export const recoveryTimeValidation: CustomFieldValidator<
  string,
  RecoveryTimePickerOptions
> = async (value, field, { apiHolder, formData, uiSchema }) => {
  if (!value) return;
  const time = parseStoredTime(value);
  if (!time) {
    field.addError(
      `${value} is not an RFC 3339 time with a zone, such as 2026-11-30T10:15:00Z`,
    );
    return;
  }
  const target = recoveryTargetOfForm(formData, uiSchema?.['ui:options']);
  const backupsApi = apiHolder.get(backupsApiRef);
  if (!target || !backupsApi) {
    field.addError('Choose the entity and the CloudNativePG cluster first');
    return;
  }
  try {
    const found = recoveryWindowOf(
      await backupsApi.getOverview(target.entity),
      target,
    );
    const problem =
      found.problem ?? outsideWindowProblem(time, found.window, target.cluster);
    if (problem) field.addError(problem);
  } catch (error) {
    field.addError(
      `The recoverability window could not be read: ${
        describeError(error).message
      }`,
    );
  }
};
