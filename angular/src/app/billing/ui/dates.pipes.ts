import { Pipe, PipeTransform, inject } from '@angular/core';
import { OrgFormat } from '../../core/format/org-format.service';
import { formatDay, formatPeriod } from './dates';

/** `{{ invoice.dueDate | day }}` → `2 Mar 2026`. */
@Pipe({ name: 'day' })
export class DayPipe implements PipeTransform {
  private readonly locale = inject(OrgFormat).locale;
  transform(day: string | null | undefined): string {
    return formatDay(day, this.locale);
  }
}

/** `{{ invoice.periodStart | period: invoice.periodEnd }}` → `March 2026` or `1–15 Mar 2026`. */
@Pipe({ name: 'period' })
export class PeriodPipe implements PipeTransform {
  private readonly locale = inject(OrgFormat).locale;
  transform(from: string | null | undefined, to: string | null | undefined): string {
    return from && to ? formatPeriod({ from, to }, this.locale) : '';
  }
}
