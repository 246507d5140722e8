import { Pipe, PipeTransform, inject } from '@angular/core';
import { formatDuration } from './duration';
import { OrgFormat } from './org-format.service';

/** `{{ minutes | duration }}` → `1:30`; `{{ minutes | duration: 'words' }}` → `1h 30m`. */
@Pipe({ name: 'duration' })
export class DurationPipe implements PipeTransform {
  transform(minutes: number | null | undefined, style: 'clock' | 'words' = 'clock'): string {
    return minutes === null || minutes === undefined ? '' : formatDuration(minutes, style);
  }
}

/** `{{ entry.creationTime | orgDateTime }}`: an instant in the organisation's time zone. */
@Pipe({ name: 'orgDateTime' })
export class OrgDateTimePipe implements PipeTransform {
  private readonly format = inject(OrgFormat);
  transform(value: string | Date | null | undefined): string {
    return this.format.dateTime(value);
  }
}

/** `{{ entry.workDate | workDate }}`: a calendar day, never shifted by time zones. */
@Pipe({ name: 'workDate' })
export class WorkDatePipe implements PipeTransform {
  private readonly format = inject(OrgFormat);
  transform(value: string | null | undefined, style: 'short' | 'long' = 'long'): string {
    return this.format.workDate(value, style);
  }
}
