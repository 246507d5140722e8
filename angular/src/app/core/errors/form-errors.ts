import { AbstractControl, FormArray, FormGroup } from '@angular/forms';

/** Splits `entries[3].durationMinutes` into `['entries', 3, 'durationMinutes']`. */
export function parseFieldPath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** The control at an API field path: group members by name (case-insensitively), FormArray rows by index. */
export function findControl(root: AbstractControl, path: string): AbstractControl | null {
  let control: AbstractControl | null = root;
  for (const segment of parseFieldPath(path)) {
    if (control instanceof FormArray && typeof segment === 'number') {
      control = segment < control.length ? control.at(segment) : null;
    } else if (control instanceof FormGroup && typeof segment === 'string') {
      const name: string | undefined = Object.keys(control.controls).find((key) => key.toLowerCase() === segment.toLowerCase());
      control = name === undefined ? null : control.controls[name];
    } else {
      control = null;
    }
    if (!control) return null;
  }
  return control;
}

/**
 * Puts the API's field errors on the form as `{ server: message }` (shown by `<mat-error>` beside the field; gone
 * once the value changes). Returns the messages whose field has no control, so the caller shows them elsewhere.
 * `aliases` maps an API path to a control path where they differ (e.g. `adminEmail` → `email`).
 */
export function applyServerErrors(
  form: AbstractControl,
  errors: Record<string, string[]> | undefined,
  aliases: Record<string, string> = {},
): string[] {
  const unmatched: string[] = [];
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const control = findControl(form, aliases[path] ?? path);
    const message = messages.join(' ');
    if (control && control !== form) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unmatched.push(message);
    }
  }
  return unmatched;
}

/** The message to show under a control: the server's, or a sentence for the built-in validators. */
export function controlError(control: AbstractControl | null | undefined): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return 'This field is required.';
  if (errors['email']) return 'Enter an email address, like name@example.com.';
  if (errors['maxlength']) return `Use at most ${(errors['maxlength'] as { requiredLength: number }).requiredLength} characters.`;
  if (errors['minlength']) return `Use at least ${(errors['minlength'] as { requiredLength: number }).requiredLength} characters.`;
  if (errors['pattern']) return 'This value is not in the expected format.';
  if (typeof errors['message'] === 'string') return errors['message'];
  const first = Object.values(errors)[0];
  return typeof first === 'string' ? first : 'This value is not valid.';
}
