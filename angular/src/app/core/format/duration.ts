/** The most one time entry may hold (the API refuses more). */
export const MAX_ENTRY_MINUTES = 24 * 60;

export type DurationResult = { ok: true; minutes: number } | { ok: false; error: string };

const CLOCK = /^(\d{1,2}):([0-5]\d)$/;
const DECIMAL_HOURS = /^(\d+[.,]\d+|[.,]\d+)$/;
const WHOLE_MINUTES = /^(\d+)$/;
const HOURS_AND_MINUTES = /^(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?\s*(?:(\d+)\s*(?:m(?:in(?:ute)?s?)?)?)?$/;
const MINUTES = /^(\d+)\s*m(?:in(?:ute)?s?)?$/;

/**
 * Reads a duration as people type it: `1:30`, `1.5` or `1,5` (hours), `90` or `90m` (minutes), `1h 30m`, `1h30`,
 * `1h`, `45m`. Answers whole minutes between 1 and 24 hours, or a sentence saying what is wrong.
 */
export function parseDuration(input: string | null | undefined): DurationResult {
  const text = (input ?? '').trim().toLowerCase();
  if (!text) return { ok: false, error: 'Enter a duration, like 1:30, 1.5 or 90m.' };

  let minutes: number | null = null;
  let match: RegExpExecArray | null;
  if ((match = CLOCK.exec(text))) minutes = Number(match[1]) * 60 + Number(match[2]);
  else if ((match = DECIMAL_HOURS.exec(text))) minutes = Math.round(Number(match[1].replace(',', '.')) * 60);
  else if ((match = WHOLE_MINUTES.exec(text))) minutes = Number(match[1]);
  else if ((match = HOURS_AND_MINUTES.exec(text))) minutes = Math.round(Number(match[1].replace(',', '.')) * 60) + Number(match[2] ?? 0);
  else if ((match = MINUTES.exec(text))) minutes = Number(match[1]);

  if (minutes === null) return { ok: false, error: `"${input?.trim()}" is not a duration. Type it like 1:30, 1.5, 90m or 1h 30m.` };
  if (minutes <= 0) return { ok: false, error: 'A duration must be at least 1 minute.' };
  if (minutes > MAX_ENTRY_MINUTES) return { ok: false, error: 'One entry can hold at most 24 hours.' };
  return { ok: true, minutes };
}

/** `90` → `1:30` (clock, the default; totals may pass 24:00) or `1h 30m` (words). */
export function formatDuration(minutes: number, style: 'clock' | 'words' = 'clock'): string {
  const sign = minutes < 0 ? '-' : '';
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (style === 'clock') return `${sign}${hours}:${String(rest).padStart(2, '0')}`;
  if (hours === 0) return `${sign}${rest}m`;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h ${rest}m`;
}
