import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { EmptyState } from '../../core/ui/empty-state';
import { PageHeader } from '../../core/ui/page-header';

/**
 * Stands in for a screen whose route, permission and menu entry exist but whose page is still being built
 * (route data: title, icon, text). Replace the route's loadComponent with the real page.
 */
@Component({
  selector: 'app-coming-soon-page',
  imports: [EmptyState, MatButtonModule, PageHeader, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <app-page-header [title]="data['title']" />
      <app-empty-state [icon]="data['icon'] ?? 'construction'" title="This screen is on its way" [text]="data['text']">
        <a mat-stroked-button routerLink="/dashboard">Back to the dashboard</a>
        <a mat-button href="/scalar">Use the API meanwhile</a>
      </app-empty-state>
    </div>
  `,
})
export class ComingSoonPage {
  protected readonly data = inject(ActivatedRoute).snapshot.data;
}
