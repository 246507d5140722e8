import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { applyServerErrors, controlError, findControl, parseFieldPath } from './form-errors';

describe('ProblemDetails field errors on reactive forms', () => {
  const row = () => new FormGroup({ durationMinutes: new FormControl(0), description: new FormControl('') });
  const form = () => new FormGroup({ email: new FormControl(''), entries: new FormArray([row(), row(), row(), row()]) });

  it('splits paths with array indexes', () => {
    expect(parseFieldPath('entries[3].durationMinutes')).toEqual(['entries', 3, 'durationMinutes']);
    expect(parseFieldPath('ids[2]')).toEqual(['ids', 2]);
    expect(parseFieldPath('email')).toEqual(['email']);
    expect(parseFieldPath('matrix[1][2].value')).toEqual(['matrix', 1, 2, 'value']);
  });

  it('finds a FormArray row control by its index', () => {
    const f = form();
    expect(findControl(f, 'entries[3].durationMinutes')).toBe((f.controls.entries.at(3) as FormGroup).controls['durationMinutes']);
    expect(findControl(f, 'Email')).toBe(f.controls.email);
    expect(findControl(f, 'entries[9].durationMinutes')).toBeNull();
    expect(findControl(f, 'nothing')).toBeNull();
  });

  it('puts each message on its control and returns the ones without a control', () => {
    const f = form();
    const unmatched = applyServerErrors(f, {
      email: ['Must be a valid email address, like name@example.com.'],
      'entries[3].durationMinutes': ['Must be between 1 minute and 24 hours.'],
      'entries[1].description': ['This field is required.', 'Really.'],
      ticketId: ['Ticket not found.'],
    });

    const fourth = (f.controls.entries.at(3) as FormGroup).controls['durationMinutes'];
    expect(controlError(fourth)).toBe('Must be between 1 minute and 24 hours.');
    expect(fourth.touched).toBe(true);
    expect(controlError((f.controls.entries.at(1) as FormGroup).controls['description'])).toBe('This field is required. Really.');
    expect(controlError(f.controls.email)).toBe('Must be a valid email address, like name@example.com.');
    expect(controlError((f.controls.entries.at(0) as FormGroup).controls['durationMinutes'])).toBe('');
    expect(unmatched).toEqual(['Ticket not found.']);
  });

  it('maps API names onto differently named controls', () => {
    const f = new FormGroup({ email: new FormControl('') });
    expect(applyServerErrors(f, { adminEmail: ['Taken.'] }, { adminEmail: 'email' })).toEqual([]);
    expect(controlError(f.controls.email)).toBe('Taken.');
  });

  it('clears a server error once the value changes', () => {
    const f = form();
    applyServerErrors(f, { email: ['Already a member.'] });
    f.controls.email.setValue('other@northwind.test');
    expect(f.controls.email.errors).toBeNull();
  });
});
