import { Injectable, inject, signal } from '@angular/core';
import { AppConfigService } from '../../core/config/app-config.service';
import { MAX_ENTRY_MINUTES } from '../../core/format/duration';

/** What is stored per running timer: when it started (epoch milliseconds). */
export interface TimerState {
  startedAt: number;
}

const PREFIX = 'regentra.timer';

/** Per person and ticket, so two people sharing a browser never pick up each other's timer. */
export function timerKey(userId: string, ticketId: string): string {
  return `${PREFIX}:${userId}:${ticketId}`;
}

/** Whole minutes worked, rounded up (a running minute counts), at least 1 and at most one entry's 24 hours. */
export function elapsedMinutes(startedAt: number, now: number): number {
  const minutes = Math.ceil(Math.max(0, now - startedAt) / 60_000);
  return Math.min(MAX_ENTRY_MINUTES, Math.max(1, minutes));
}

/** `1:05:09` (or `5:09` under an hour), for the running display. */
export function formatElapsed(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** Reads a stored timer, ignoring anything malformed (an old format, a hand edit). */
export function readTimer(storage: Pick<Storage, 'getItem'>, key: string): TimerState | null {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? 'null') as Partial<TimerState> | null;
    return parsed && typeof parsed.startedAt === 'number' && Number.isFinite(parsed.startedAt) ? { startedAt: parsed.startedAt } : null;
  } catch {
    return null;
  }
}

/**
 * Start/stop timers on tickets, kept in localStorage so a reload (or another tab) keeps them running. Stopping does
 * not forget the timer: the caller clears it once the time is saved, so a cancelled Log time dialog loses nothing.
 */
@Injectable({ providedIn: 'root' })
export class TicketTimers {
  private readonly config = inject(AppConfigService);
  private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage;
  private readonly changes = signal(0);

  constructor() {
    if (typeof window !== 'undefined') window.addEventListener('storage', (event) => {
      if (event.key?.startsWith(PREFIX)) this.changes.update((v) => v + 1);
    });
  }

  /** When the timer on this ticket started, or null when none runs; reactive when read in a computed or template. */
  startedAt(ticketId: string): number | null {
    this.changes();
    return this.storage ? readTimer(this.storage, this.key(ticketId))?.startedAt ?? null : null;
  }

  start(ticketId: string, now = Date.now()): void {
    this.storage?.setItem(this.key(ticketId), JSON.stringify({ startedAt: now } satisfies TimerState));
    this.changes.update((v) => v + 1);
  }

  /** The minutes to log if it were stopped now, or null when no timer runs. */
  minutes(ticketId: string, now = Date.now()): number | null {
    const state = this.storage ? readTimer(this.storage, this.key(ticketId)) : null;
    return state ? elapsedMinutes(state.startedAt, now) : null;
  }

  clear(ticketId: string): void {
    this.storage?.removeItem(this.key(ticketId));
    this.changes.update((v) => v + 1);
  }

  private key(ticketId: string): string {
    return timerKey(this.config.user()?.id ?? 'anonymous', ticketId);
  }
}
