import { RolePermissionsDto } from '../../api/saas.models';
import { buildMatrix, grantList, groupState, isChanged, setPermission, toggleGroup } from './roles.model';

function role(name: string, granted: string[], isEditable = true): RolePermissionsDto {
  const p = (permission: string, displayName: string, parentName: string | null = null) =>
    ({ name: permission, displayName, parentName, isGranted: !isEditable || granted.includes(permission) });
  return {
    role: name, isEditable, concurrencyStamp: `stamp-${name}`,
    groups: [
      { name: 'Saas', displayName: 'Organisation', permissions: [p('Saas.Users', 'View team'), p('Saas.Users.Manage', 'Invite and deactivate', 'Saas.Users'), p('Saas.Roles', 'View roles')] },
      { name: 'Psa', displayName: 'Service desk', permissions: [p('Psa.Tickets', 'View tickets'), p('Psa.Tickets.Manage', 'Work tickets', 'Psa.Tickets'), p('Psa.TimeEntries.Approve', 'Approve time')] },
    ],
  };
}

describe('the roles matrix', () => {
  const { groups, columns } = buildMatrix([role('Admin', [], false), role('Technician', ['Psa.Tickets', 'Psa.Tickets.Manage'])]);
  const technician = columns[1];

  it('groups permissions by module with their nesting, one column per role', () => {
    expect(groups.map((g) => g.displayName)).toEqual(['Organisation', 'Service desk']);
    expect(groups[0].permissions.map((p) => [p.name, p.depth])).toEqual([['Saas.Users', 0], ['Saas.Users.Manage', 1], ['Saas.Roles', 0]]);
    expect(columns.map((c) => [c.role, c.isEditable, c.granted.size])).toEqual([['Admin', false, 6], ['Technician', true, 2]]);
  });

  it('grants what a permission needs and takes away what needs it', () => {
    expect([...setPermission(technician.granted, 'Saas.Users.Manage', true, groups)].sort()).toEqual(['Psa.Tickets', 'Psa.Tickets.Manage', 'Saas.Users', 'Saas.Users.Manage']);
    expect([...setPermission(technician.granted, 'Psa.Tickets', false, groups)]).toEqual([]);
    expect([...setPermission(technician.granted, 'Psa.Tickets.Manage', false, groups)]).toEqual(['Psa.Tickets']);
  });

  it('selects a whole group, and clears it when all of it is selected', () => {
    expect(groupState(technician.granted, groups[1])).toBe('some');
    const all = toggleGroup(technician.granted, groups[1]);
    expect(groupState(all, groups[1])).toBe('all');
    expect(groupState(all, groups[0])).toBe('none');
    expect(groupState(toggleGroup(all, groups[1]), groups[1])).toBe('none');
  });

  it('knows which roles changed and sends their grants in the matrix order', () => {
    expect(isChanged(technician)).toBe(false);
    const changed = { ...technician, granted: setPermission(technician.granted, 'Psa.TimeEntries.Approve', true, groups) };
    expect(isChanged(changed)).toBe(true);
    expect(grantList(changed, groups)).toEqual(['Psa.Tickets', 'Psa.Tickets.Manage', 'Psa.TimeEntries.Approve']);
    expect(isChanged({ ...changed, granted: setPermission(changed.granted, 'Psa.TimeEntries.Approve', false, groups) })).toBe(false);
  });
});
