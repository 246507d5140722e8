import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { EMPTY, catchError, debounceTime, from, map, mergeMap, of, switchMap } from 'rxjs';
import { AppConfigService } from '../../core/config/app-config.service';
import { ErrorService } from '../../core/errors/error.service';
import { DurationPipe } from '../../core/format/format.pipes';
import { OrgFormat } from '../../core/format/org-format.service';
import { injectLoader } from '../../core/http/loader';
import { toProblem } from '../../core/http/problem';
import { EmptyState } from '../../core/ui/empty-state';
import { Loading } from '../../core/ui/loading';
import { PageHeader } from '../../core/ui/page-header';
import { ClientsApi } from '../../psa/api/clients.api';
import { TimeEntriesApi } from '../../psa/api/time-entries.api';
import { InvoicePreviewDto } from '../api/billing.models';
import { InvoicesApi } from '../api/invoices.api';
import { ReportsApi } from '../../psa/reports/reports.api';
import { LINKS } from '../links';
import { MoneyPipe } from '../money/money.pipe';
import { formatPeriod } from '../ui/dates';
import { DayPipe } from '../ui/dates.pipes';
import { StatusChipComponent } from '../ui/status-chip';
import { StatusChip } from '../ui/invoice-status';
import { PendingTime, WarningView, hoursText, warningViews } from './warnings';
import { InvoiceWizardState, PERIOD_PRESETS, PresetId } from './wizard-state';

/** How many previews are asked for at once (each is a few queries on the server). */
const PREVIEWS_AT_ONCE = 4;

const OUTCOME_CHIPS: Record<string, StatusChip> = {
  Invoiced: { label: 'Invoiced', tone: 'success', icon: 'check_circle', description: 'A draft was created.' },
  Skipped: { label: 'Skipped', tone: 'neutral', icon: 'skip_next', description: 'Nothing to invoice, or already invoiced.' },
  Failed: { label: 'Failed', tone: 'error', icon: 'error', description: 'The invoice could not be made.' },
};

/**
 * Billing → New invoice: one client or many (those with unbilled approved time preselected) and a period (last month
 * by default) → a preview per client with every warning in plain words → generate (one click, one invoice) → the new
 * draft, or for many clients each client's outcome.
 */
@Component({
  selector: 'app-invoice-wizard-page',
  imports: [
    DayPipe, DurationPipe, EmptyState, Loading, MatButtonModule, MatCardModule, MatCheckboxModule, MatChipsModule, MatFormFieldModule, MatIconModule,
    MatInputModule, MatProgressBarModule, MoneyPipe, PageHeader, RouterLink, StatusChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invoice-wizard.page.html',
  styleUrl: './invoice-wizard.page.scss',
})
export class InvoiceWizardPage {
  /** `?clientId=`: start with that client only (from a client's page). */
  readonly clientId = input<string>();

  private readonly invoices = inject(InvoicesApi);
  private readonly clientsApi = inject(ClientsApi);
  private readonly unbilledApi = inject(ReportsApi);
  private readonly entries = inject(TimeEntriesApi);
  private readonly errors = inject(ErrorService);
  private readonly router = inject(Router);
  private readonly config = inject(AppConfigService);
  private readonly format = inject(OrgFormat);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly state = new InvoiceWizardState(this.format.today());
  protected readonly presets = PERIOD_PRESETS;
  protected readonly links = LINKS;
  protected readonly outcomeChip = (outcome: string) => OUTCOME_CHIPS[outcome] ?? OUTCOME_CHIPS['Failed'];
  protected readonly hoursText = hoursText;

  protected readonly clients = injectLoader(() => this.clientsApi.list({ isActive: true, take: 1000, sort: 'name' }).pipe(map((p) => p.items)));
  protected readonly search = signal('');
  protected readonly shownClients = computed(() => {
    const text = this.search().trim().toLowerCase();
    const all = this.clients.value() ?? [];
    return text ? all.filter((c) => c.name.toLowerCase().includes(text) || this.state.selected().has(c.id)) : all;
  });
  protected readonly unbilledById = computed(() => new Map(this.state.unbilled().map((u) => [u.clientId, u])));
  protected readonly periodText = computed(() => {
    const p = this.state.period();
    return this.state.periodProblem() ? '' : formatPeriod(p, this.format.locale);
  });
  private readonly canSeeUnbilled = this.config.isGranted('Psa.Reports');
  private readonly canSeeAllTime = this.config.isGranted('Psa.TimeEntries.ViewAll');
  private readonly canApprove = this.config.isGranted('Psa.TimeEntries.Approve');
  protected readonly unbilledLoading = signal(false);

  /** Not-approved time per client and status, to say exactly what is missing from a preview. */
  private readonly pending = signal<ReadonlyMap<string, PendingTime[]>>(new Map());
  protected readonly cards = computed(() => {
    const names = new Map((this.clients.value() ?? []).map((c) => [c.id, c.name]));
    return this.state.previewList().map(({ clientId, state }) => ({
      clientId,
      name: state.status === 'ready' ? state.preview.clientName : names.get(clientId) ?? 'Client',
      state,
      warnings: state.status === 'ready' ? this.warningsOf(state.preview) : [],
    }));
  });
  protected readonly blockedCount = computed(() => this.cards().filter((c) => c.state.status === 'ready' && c.state.blocker).length);
  protected readonly openLines = signal<ReadonlySet<string>>(new Set());
  protected readonly compact = toSignal(inject(BreakpointObserver).observe('(max-width: 719.98px)').pipe(map((s) => s.matches)), { initialValue: false });

  constructor() {
    // The clients with unbilled approved time in the period are preselected (until clients are picked by hand).
    toObservable(this.state.period).pipe(
      debounceTime(250),
      switchMap((period) => {
        if (!this.canSeeUnbilled || this.state.periodProblem()) return of([]);
        this.unbilledLoading.set(true);
        return this.unbilledApi.unbilled(period).pipe(map((r) => r.clients), catchError(() => of([])));
      }),
      takeUntilDestroyed(this.destroyRef),
    ).subscribe((clients) => {
      this.unbilledLoading.set(false);
      this.state.useUnbilled(clients);
    });

    effect(() => {
      const id = this.clientId();
      if (id) untracked(() => this.state.preselect([id]));
    });
  }

  protected choosePreset(event: MatChipListboxChange): void {
    // A period is always chosen: clicking the chosen one again keeps it (and it stays announced as selected).
    if (event.value) this.state.choosePreset(event.value as PresetId);
    else event.source.value = this.state.preset();
  }

  protected setCustomFrom(value: string): void {
    this.state.setCustom(value, this.state.customLastDay());
  }

  protected setCustomLastDay(value: string): void {
    this.state.setCustom(this.state.customFrom(), value);
  }

  protected preview(): void {
    if (!this.state.canPreview()) return;
    const order = (this.clients.value() ?? []).map((c) => c.id);
    const ids = this.state.startPreview(order);
    this.openLines.set(new Set(ids.length === 1 ? ids : []));
    this.pending.set(new Map());
    const { from: start, to } = this.state.period();
    from(ids).pipe(
      mergeMap((clientId) => this.invoices.preview({ clientId, from: start, to }).pipe(
        map((preview) => ({ clientId, preview, message: null as string | null })),
        catchError((error: unknown) => of({ clientId, preview: null, message: toProblem(error).detail ?? 'The preview could not be made.' })),
      ), PREVIEWS_AT_ONCE),
      takeUntilDestroyed(this.destroyRef),
    ).subscribe(({ clientId, preview, message }) => {
      if (preview) {
        this.state.previewLoaded(preview);
        this.loadPending(preview);
      } else {
        this.state.previewFailed(clientId, message ?? '');
      }
    });
    window.scrollTo({ top: 0 });
  }

  protected generate(): void {
    if (!this.state.beginGenerating()) return; // one click, one invoice: a second click while in flight does nothing
    const { from: start, to } = this.state.period();
    const ids = this.state.previewList().map((p) => p.clientId);
    if (ids.length === 1) {
      this.invoices.generate({ clientId: ids[0], from: start, to }).subscribe({
        next: (invoice) => {
          this.state.generated(null);
          this.errors.success(`Draft created for ${invoice.clientName}. Check it, then send it.`);
          void this.router.navigate(LINKS.invoice(invoice.id).commands);
        },
        error: (error: unknown) => {
          this.state.generationFailed();
          this.errors.handle(error);
        },
      });
      return;
    }
    this.invoices.batch(start, to, ids).subscribe({
      next: (results) => {
        this.state.generated(results);
        window.scrollTo({ top: 0 });
      },
      error: (error: unknown) => {
        this.state.generationFailed();
        this.errors.handle(error);
      },
    });
  }

  protected toggleLines(clientId: string): void {
    const next = new Set(this.openLines());
    if (next.has(clientId)) next.delete(clientId);
    else next.add(clientId);
    this.openLines.set(next);
  }

  protected startOver(): void {
    this.state.back();
  }

  private warningsOf(preview: InvoicePreviewDto): WarningView[] {
    return warningViews(preview, { canApprove: this.canApprove, pending: this.pending().get(preview.clientId) ?? null });
  }

  /** For a preview warning about unapproved time, which entries they are (by status), when everyone's time may be seen. */
  private loadPending(preview: InvoicePreviewDto): void {
    if (!this.canSeeAllTime || !preview.warnings.some((w) => w.code === 'NotApproved')) return;
    this.entries.list({ clientId: preview.clientId, from: preview.from, to: preview.to, status: 'Draft,Submitted,Rejected', billable: true, take: 1000 }).pipe(
      catchError(() => EMPTY),
      takeUntilDestroyed(this.destroyRef),
    ).subscribe((page) => {
      const byStatus = new Map<PendingTime['status'], PendingTime>();
      for (const e of page.items) {
        if (e.status === 'Approved') continue;
        const p = byStatus.get(e.status) ?? { status: e.status, count: 0, minutes: 0, technicians: [] };
        p.count++;
        p.minutes += e.durationMinutes;
        if (!p.technicians.includes(e.technicianName)) p.technicians.push(e.technicianName);
        byStatus.set(e.status, p);
      }
      const order: PendingTime['status'][] = ['Submitted', 'Draft', 'Rejected'];
      const next = new Map(this.pending());
      next.set(preview.clientId, order.map((s) => byStatus.get(s)).filter((p): p is PendingTime => !!p));
      this.pending.set(next);
    });
  }
}
