import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { PASSWORD_RULES } from './password-rules';

/** The password rules, each ticked as soon as the typed password meets it. */
@Component({
  selector: 'app-password-checklist',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="rules" [attr.id]="listId()" aria-label="Password rules">
      @for (rule of rules(); track rule.label) {
        <li [class.met]="rule.met">
          <mat-icon aria-hidden="true">{{ rule.met ? 'check_circle' : 'radio_button_unchecked' }}</mat-icon>
          <span>{{ rule.label }}</span>
          <span class="visually-hidden">{{ rule.met ? '(met)' : '(not yet)' }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .rules { list-style: none; margin: 8px 0 12px; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 4px 12px; }
    li { display: flex; align-items: center; gap: 6px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    li.met { color: var(--mat-sys-primary); }
    mat-icon { width: 18px; height: 18px; font-size: 18px; }
  `,
})
export class PasswordChecklist {
  readonly password = input('');
  readonly listId = input('password-rules');
  protected readonly rules = computed(() => PASSWORD_RULES.map((rule) => ({ label: rule.label, met: rule.met(this.password() ?? '') })));
}
