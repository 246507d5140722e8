import { NAVIGATION, visibleNavigation } from '../../core/shell/navigation';

const labels = (items: ReturnType<typeof visibleNavigation>): string[] => items.flatMap((i) => [i.label, ...(i.children ?? []).map((c) => c.label)]);

describe('navigation by side', () => {
  const hostPermissions = new Set(['Saas.Tenants', 'Saas.Tenants.Manage', 'Saas.BackgroundJobs', 'Saas.Roles']);

  it('shows a host operator host administration only: no dashboard, no organisation menus', () => {
    const items = visibleNavigation(NAVIGATION, (p) => !p || p.split(' || ').some((x) => hostPermissions.has(x)), 'host');
    expect(labels(items)).toEqual(['Organisations']);
  });

  it('never shows host administration inside an organisation', () => {
    const items = visibleNavigation(NAVIGATION, () => true, 'tenant');
    expect(labels(items)).not.toContain('Organisations');
    expect(labels(items)).toContain('Reports');
    expect(labels(items)).toContain('Stripe');
  });
});
