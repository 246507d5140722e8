import { Routes } from '@angular/router';

/** Settings (loaded under /settings by app.routes.ts): the team and the roles' permissions. Organisation comes in part 2. */
export const SETTINGS_ROUTES: Routes = [
  {
    path: 'team',
    title: 'Team · Regentra',
    data: { permission: 'Saas.Users' },
    loadComponent: () => import('./team/team.page').then((m) => m.TeamPage),
  },
  {
    path: 'roles',
    title: 'Roles · Regentra',
    data: { permission: 'Saas.Roles' },
    loadComponent: () => import('./roles/roles.page').then((m) => m.RolesPage),
  },
];
