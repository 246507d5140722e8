import { Pipe, PipeTransform, inject } from '@angular/core';
import { OrgFormat } from '../../core/format/org-format.service';
import { formatMoney } from './money';

/** `{{ invoice.total | money: invoice.currency }}` → `£1,234.50`, `¥1,234`, `KWD 1.500` in the browser's language. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  private readonly locale = inject(OrgFormat).locale;

  transform(amount: number | null | undefined, currency: string | null | undefined): string {
    return currency ? formatMoney(amount, currency, this.locale) : '';
  }
}
