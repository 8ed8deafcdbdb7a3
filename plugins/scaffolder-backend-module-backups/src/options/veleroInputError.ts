import { InputError } from '@backstage/errors';

/** One InputError for every problem found, each naming its field. */
export function veleroInputError(problems: string[]): InputError {
  return new InputError(
    `Invalid input for backups:velero:generate: ${problems.join('; ')}`,
  );
}
