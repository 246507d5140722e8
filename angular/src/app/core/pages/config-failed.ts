import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { AppConfigService } from '../config/app-config.service';

/** Full-page screen when /api/app-config could not be loaded: nothing else can be drawn without it. */
@Component({
  selector: 'app-config-failed',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="auth-page">
      <section class="box" role="alert">
        <mat-icon aria-hidden="true" class="icon">cloud_off</mat-icon>
        <h1>Regentra could not start</h1>
        <p>Your browser could not reach the Regentra server. Check your connection; if it is fine, the server may be restarting.</p>
        <button mat-flat-button type="button" (click)="retry()" [disabled]="retrying()">
          @if (retrying()) { Trying again… } @else { Try again }
        </button>
      </section>
    </main>
  `,
  styles: `
    .box { max-width: 420px; text-align: center; }
    .icon { width: 48px; height: 48px; font-size: 48px; color: var(--mat-sys-error); }
    h1 { font: var(--mat-sys-headline-small); }
  `,
})
export class ConfigFailed {
  private readonly config = inject(AppConfigService);
  protected readonly retrying = signal(false);
  readonly loaded = output<void>();

  protected async retry(): Promise<void> {
    this.retrying.set(true);
    if (await this.config.load()) this.loaded.emit();
    this.retrying.set(false);
  }
}
