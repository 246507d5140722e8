import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Subject } from 'rxjs';
import { ErrorService } from './error.service';

describe('ErrorService', () => {
  const action = new Subject<void>();
  const snackBar = { open: vi.fn(() => ({ onAction: () => action })) };
  let service: ErrorService;

  beforeEach(() => {
    snackBar.open.mockClear();
    TestBed.configureTestingModule({ providers: [{ provide: MatSnackBar, useValue: snackBar }] });
    service = TestBed.inject(ErrorService);
  });

  const problem = (status: number, body: object) => new HttpErrorResponse({ status, error: { status, ...body } });

  it('shows field errors beside their fields and nothing else', () => {
    const form = new FormGroup({ slug: new FormControl('') });
    service.handle(problem(409, { code: 'Saas:Tenant.SlugTaken', detail: 'Taken', errors: { slug: ['Taken.'] } }), { form });
    expect(form.controls.slug.errors).toEqual({ server: 'Taken.' });
    expect(snackBar.open).not.toHaveBeenCalled();
  });

  it('shows other errors in a snackbar with the stable code', () => {
    service.handle(problem(409, { code: 'Psa:TimeEntry.NotEditable', detail: 'Approved entries are read-only.' }));
    expect(snackBar.open).toHaveBeenCalledWith('Approved entries are read-only. (Psa:TimeEntry.NotEditable)', 'Dismiss', expect.anything());
  });

  it('offers to reload after someone else saved first', () => {
    const reload = vi.fn();
    service.handle(problem(409, { code: 'Concurrency', detail: 'Someone else changed this record.' }), { reload });
    expect(snackBar.open).toHaveBeenCalledWith(expect.stringContaining('Someone else saved this first'), 'Reload', expect.anything());
    action.next();
    expect(reload).toHaveBeenCalled();
  });

  it('says when the server cannot be reached', () => {
    service.handle(new HttpErrorResponse({ status: 0 }));
    expect(snackBar.open).toHaveBeenCalledWith(expect.stringContaining('cannot be reached'), 'Dismiss', expect.anything());
  });

  it('leaves a 401 to the sign-in redirect', () => {
    service.handle(problem(401, { code: 'Security:Unauthenticated' }));
    expect(snackBar.open).not.toHaveBeenCalled();
  });
});
