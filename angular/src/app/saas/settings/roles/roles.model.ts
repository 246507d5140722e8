/**
 * The roles × permissions matrix, free of Angular: permissions grouped by module (the API's group names), one column
 * per role, the rule that a permission needs its parent (Manage needs View), select-all per group, and which roles
 * changed. Admin always holds everything and is never changed.
 */
import { RolePermissionsDto } from '../../api/saas.models';

export interface PermissionRow {
  name: string;
  displayName: string;
  parentName: string | null;
  /** 0 for a top permission, 1 for its child… */
  depth: number;
}

export interface MatrixGroup {
  name: string;
  displayName: string;
  permissions: PermissionRow[];
}

export interface RoleColumn {
  role: string;
  isEditable: boolean;
  concurrencyStamp: string;
  granted: ReadonlySet<string>;
  saved: ReadonlySet<string>;
}

export type GroupState = 'all' | 'some' | 'none';

export function buildMatrix(roles: RolePermissionsDto[]): { groups: MatrixGroup[]; columns: RoleColumn[] } {
  const groups = (roles[0]?.groups ?? []).map((group) => {
    const parents = new Map(group.permissions.map((p) => [p.name, p.parentName]));
    const depth = (name: string): number => {
      const parent = parents.get(name) ?? null;
      return parent === null || !parents.has(parent) ? 0 : 1 + depth(parent);
    };
    return {
      name: group.name,
      displayName: group.displayName,
      permissions: group.permissions.map((p) => ({ name: p.name, displayName: p.displayName, parentName: p.parentName, depth: depth(p.name) })),
    };
  });
  const columns = roles.map((dto) => {
    const granted = new Set(dto.groups.flatMap((g) => g.permissions).filter((p) => p.isGranted).map((p) => p.name));
    return { role: dto.role, isEditable: dto.isEditable, concurrencyStamp: dto.concurrencyStamp, granted, saved: new Set(granted) };
  });
  return { groups, columns };
}

function allPermissions(groups: MatrixGroup[]): PermissionRow[] {
  return groups.flatMap((g) => g.permissions);
}

/** Granting also grants what it needs (its parents); taking away also takes away what needs it (its children). */
export function setPermission(granted: ReadonlySet<string>, name: string, on: boolean, groups: MatrixGroup[]): Set<string> {
  const rows = allPermissions(groups);
  const next = new Set(granted);
  if (on) {
    for (let current: string | null = name; current !== null; current = rows.find((p) => p.name === current)?.parentName ?? null) next.add(current);
  } else {
    const remove = (parent: string) => {
      next.delete(parent);
      rows.filter((p) => p.parentName === parent).forEach((child) => remove(child.name));
    };
    remove(name);
  }
  return next;
}

export function groupState(granted: ReadonlySet<string>, group: MatrixGroup): GroupState {
  const count = group.permissions.filter((p) => granted.has(p.name)).length;
  return count === 0 ? 'none' : count === group.permissions.length ? 'all' : 'some';
}

/** The group's "select all": everything in the group, or nothing when everything already is. */
export function toggleGroup(granted: ReadonlySet<string>, group: MatrixGroup): Set<string> {
  const next = new Set(granted);
  const all = groupState(granted, group) === 'all';
  for (const permission of group.permissions) {
    if (all) next.delete(permission.name);
    else next.add(permission.name);
  }
  return next;
}

export function isChanged(column: RoleColumn): boolean {
  return column.granted.size !== column.saved.size || [...column.granted].some((p) => !column.saved.has(p));
}

/** The grants to send for a role, in the matrix's order. */
export function grantList(column: RoleColumn, groups: MatrixGroup[]): string[] {
  return allPermissions(groups).map((p) => p.name).filter((name) => column.granted.has(name));
}
