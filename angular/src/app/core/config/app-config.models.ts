/** Mirrors Regentra.Saas.Contracts.Account.AppConfigDto and its parts (GET /api/app-config). */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  roles: string[];
}

export interface CurrentTenant {
  id: string;
  name: string;
  slug: string;
}

/** Mirrors Regentra.Saas.Contracts.Settings.TenantSettingsDto. */
export interface TenantSettings {
  organizationName: string;
  address: string | null;
  timeZone: string;
  currency: string;
  invoicePrefix: string;
  paymentTermsDays: number;
  taxRatePercent: number;
  defaultHourlyRate: number;
  allowSelfApproval: boolean;
  concurrencyStamp: string;
}

export interface AppConfig {
  currentUser: CurrentUser | null;
  currentTenant: CurrentTenant | null;
  grantedPermissions: string[];
  settings: TenantSettings | null;
}

export const ANONYMOUS: AppConfig = { currentUser: null, currentTenant: null, grantedPermissions: [], settings: null };
