import { TenantSettings } from '../../core/config/app-config.models';

/** DTOs of the Saas module's team, role, tenant and logo endpoints (Regentra.Saas.Contracts). */

/** The standard roles, in the order the API lists them. */
export const STANDARD_ROLES = ['Admin', 'Manager', 'Technician', 'ReadOnly'] as const;

export const ROLE_LABELS: Record<string, string> = { Admin: 'Admin', Manager: 'Manager', Technician: 'Technician', ReadOnly: 'Read-only' };

export interface UserDto {
  id: string;
  name: string;
  email: string;
  role: string;
  isActive: boolean;
  creationTime: string;
  lastLoginTime: string | null;
}

export type InvitationStatus = 'Pending' | 'Accepted' | 'Expired' | 'Revoked';

export interface InvitationDto {
  id: string;
  email: string;
  role: string;
  status: InvitationStatus;
  creationTime: string;
  expiresAt: string;
  /** Only in the answer that created the invitation. */
  acceptUrl: string | null;
}

export interface RoleDto {
  name: string;
  userCount: number;
  permissionCount: number;
  isEditable: boolean;
}

export interface PermissionGrantDto {
  name: string;
  displayName: string;
  parentName: string | null;
  isGranted: boolean;
}

export interface PermissionGroupDto {
  name: string;
  displayName: string;
  permissions: PermissionGrantDto[];
}

export interface RolePermissionsDto {
  role: string;
  isEditable: boolean;
  groups: PermissionGroupDto[];
  concurrencyStamp: string;
}

/** Mirrors Regentra.Saas.Contracts.Tenants.TenantDto. */
export interface TenantDto {
  id: string;
  name: string;
  slug: string;
  isActive: boolean;
  creationTime: string;
  suspendedAt: string | null;
  suspensionReason: string | null;
  userCount: number;
}

/** Mirrors the answer of PUT /api/saas/settings/logo. */
export interface LogoDto {
  contentType: string;
  bytes: number;
  version: string;
}

/** Mirrors Regentra.Saas.Contracts.Settings.UpdateTenantSettingsRequest (the settings as read, with their concurrencyStamp). */
export type UpdateTenantSettingsRequest = TenantSettings;
