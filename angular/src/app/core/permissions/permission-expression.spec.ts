import { evaluatePermission, parsePermission } from './permission-expression';

describe('permission expressions', () => {
  const granted = new Set(['Psa.Tickets', 'Psa.TimeEntries', 'Saas.Users']);
  const holds = (expression: string) => evaluatePermission(expression, granted);

  it('grants a single permission only when it is held', () => {
    expect(holds('Psa.Tickets')).toBe(true);
    expect(holds('Psa.TimeEntries.Approve')).toBe(false);
  });

  it('treats an empty expression as no requirement', () => {
    expect(evaluatePermission('', granted)).toBe(true);
    expect(evaluatePermission(undefined, new Set())).toBe(true);
  });

  it('combines with && and ||, && binding tighter', () => {
    expect(holds('Psa.Tickets && Saas.Users')).toBe(true);
    expect(holds('Psa.Tickets && Psa.Reports')).toBe(false);
    expect(holds('Psa.Reports || Saas.Users')).toBe(true);
    expect(holds('Psa.Reports || Psa.Tickets && Saas.Roles')).toBe(false);
    expect(holds('Saas.Users || Psa.Reports && Saas.Roles')).toBe(true);
  });

  it('honours parentheses and negation', () => {
    expect(holds('(Psa.Reports || Psa.Tickets) && Saas.Users')).toBe(true);
    expect(holds('(Psa.Reports || Psa.Clients) && Saas.Users')).toBe(false);
    expect(holds('!Psa.TimeEntries.Approve && Psa.TimeEntries')).toBe(true);
    expect(holds('!(Psa.Tickets || Psa.Reports)')).toBe(false);
  });

  it('refuses malformed expressions instead of granting them', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(holds('Psa.Tickets &&')).toBe(false);
    expect(holds('(Psa.Tickets')).toBe(false);
    expect(holds('Psa.Tickets Saas.Users')).toBe(false);
    expect(holds('Psa.Tickets & Saas.Users')).toBe(false);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('parses into a tree with the usual precedence', () => {
    expect(parsePermission('A || B && C')).toEqual({
      kind: 'or',
      left: { kind: 'name', name: 'A' },
      right: { kind: 'and', left: { kind: 'name', name: 'B' }, right: { kind: 'name', name: 'C' } },
    });
  });
});
