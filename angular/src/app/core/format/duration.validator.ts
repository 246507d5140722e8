import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { parseDuration } from './duration';

/** For a text control holding a typed duration: `{ message }` with the parser's sentence when it cannot be read. */
export const durationValidator: ValidatorFn = (control: AbstractControl<string | null>): ValidationErrors | null => {
  const result = parseDuration(control.value);
  return result.ok ? null : { message: result.error };
};
