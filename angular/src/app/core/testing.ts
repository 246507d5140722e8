import { AppConfig } from './config/app-config.models';

/** An app configuration for tests: a signed-in user of one organisation holding `permissions`. */
export function signedIn(permissions: string[] = []): AppConfig {
  return {
    currentUser: { id: 'u1', name: 'Ada Admin', email: 'ada@northwind.test', roles: ['Admin'] },
    currentTenant: { id: 't1', name: 'Northwind IT', slug: 'northwind' },
    grantedPermissions: permissions,
    settings: {
      organizationName: 'Northwind IT', address: null, timeZone: 'Europe/London', currency: 'GBP', invoicePrefix: 'INV',
      paymentTermsDays: 30, taxRatePercent: 20, defaultHourlyRate: 100, allowSelfApproval: false, concurrencyStamp: 's',
    },
  };
}
