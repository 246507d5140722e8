import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** A number between min and max with at most `decimals` decimals (empty passes: pair with required). The message says which. */
export function numberIn(min: number, max: number, decimals: number, message: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = control.value as number | string | null;
    if (value === null || value === '') return null;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) return { message };
    const factor = 10 ** decimals;
    if (Math.abs(Math.round(n * factor) - n * factor) > 1e-6) return { message };
    return null;
  };
}
