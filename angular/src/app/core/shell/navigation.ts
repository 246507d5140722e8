/**
 * The side navigation. An item shows when its permission expression holds for the signed-in person (no permission:
 * everyone signed in); a group shows when one of its children does. `built: false` keeps a planned screen out of the
 * menu until its route exists: flip it when you add the screen (and its route in app.routes.ts). `side: 'host'` marks
 * host administration: a host operator (signed in without an organisation) sees only those, everyone else none.
 */
export interface NavItem {
  label: string;
  icon: string;
  path?: string;
  permission?: string;
  built?: boolean;
  /** 'tenant' (the default): an organisation's screens; 'host': host administration. */
  side?: 'tenant' | 'host';
  children?: NavItem[];
}

export const NAVIGATION: NavItem[] = [
  { label: 'Dashboard', icon: 'space_dashboard', path: '/dashboard' },
  { label: 'Tickets', icon: 'confirmation_number', path: '/tickets', permission: 'Psa.Tickets' },
  {
    label: 'Time',
    icon: 'schedule',
    children: [
      { label: 'My timesheet', icon: 'calendar_view_week', path: '/time/timesheet', permission: 'Psa.TimeEntries' },
      { label: 'Approvals', icon: 'fact_check', path: '/time/approvals', permission: 'Psa.TimeEntries.Approve' },
    ],
  },
  { label: 'Clients', icon: 'business', path: '/clients', permission: 'Psa.Clients' },
  {
    label: 'Billing',
    icon: 'receipt_long',
    children: [
      { label: 'Invoices', icon: 'receipt_long', path: '/billing/invoices', permission: 'Billing.Invoices' },
      { label: 'New invoice', icon: 'post_add', path: '/billing/new-invoice', permission: 'Billing.Invoices.Generate' },
      { label: 'Runs', icon: 'event_repeat', path: '/billing/runs', permission: 'Billing.Runs' },
    ],
  },
  { label: 'Reports', icon: 'insights', path: '/reports', permission: 'Psa.Reports || Billing.Invoices' },
  {
    label: 'Settings',
    icon: 'settings',
    children: [
      { label: 'Organisation', icon: 'domain', path: '/settings/organisation', permission: 'Saas.Settings' },
      { label: 'Team', icon: 'group', path: '/settings/team', permission: 'Saas.Users' },
      { label: 'Roles', icon: 'admin_panel_settings', path: '/settings/roles', permission: 'Saas.Roles' },
      { label: 'Stripe', icon: 'credit_card', path: '/settings/integrations/stripe', permission: 'Billing.Stripe.Manage' },
    ],
  },
  { label: 'Organisations', icon: 'corporate_fare', path: '/host/organisations', permission: 'Saas.Tenants', side: 'host' },
];

/** The items a person with these permissions sees: unbuilt, ungranted and other-side items removed, empty groups dropped. */
export function visibleNavigation(items: NavItem[], isGranted: (expression?: string) => boolean, side: 'tenant' | 'host' = 'tenant'): NavItem[] {
  return items
    .filter((item) => item.built !== false && (item.side ?? 'tenant') === side && isGranted(item.permission))
    .map((item) => (item.children ? { ...item, children: visibleNavigation(item.children, isGranted, side) } : item))
    .filter((item) => !item.children || item.children.length > 0);
}
