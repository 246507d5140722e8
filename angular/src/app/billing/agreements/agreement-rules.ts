import { AgreementDto, AgreementType, PutAgreementRequest, RoundingRule } from '../api/billing.models';
import { formatMoney, minorUnits } from '../money/money';
import { addDays, formatDay } from '../ui/dates';

/**
 * The agreement form's rules, kept out of the component so they can be tested: what rounding does to an entry, what
 * saving will do to the client's other agreements (the API's rules: agreements never overlap, a later start ends
 * the running one, the currency is the client's), and the request the API takes.
 */

export const AGREEMENT_TYPES: { value: AgreementType; label: string; hint: string }[] = [
  { value: 'Hourly', label: 'Hourly', hint: 'Time and materials: every approved billable entry at an hourly rate.' },
  { value: 'MonthlyRecurring', label: 'Monthly recurring', hint: 'A fixed monthly fee for a described scope; time is tracked, not charged line by line.' },
  { value: 'BlockHours', label: 'Block hours', hint: 'Prepaid hours each month for a fee; hours above them bill at an overage rate.' },
];

export function agreementTypeLabel(type: AgreementType): string {
  return AGREEMENT_TYPES.find((t) => t.value === type)?.label ?? type;
}

/** What the form holds. `lastDay` is the agreement's last day (inclusive); the API's effectiveTo is the day after. */
export interface AgreementFormValue {
  type: AgreementType;
  effectiveFrom: string;
  lastDay: string | null;
  hourlyRate: number | null;
  monthlyFee: number | null;
  scope: string | null;
  includedHours: number | null;
  overageRate: number | null;
  rollover: boolean;
  rounding: { incrementMinutes: number | null; minimumMinutes: number | null };
  autoInvoice: boolean;
  autoSend: boolean;
}

/** No increment and no minimum is no rounding at all. */
export function roundingRule(rounding: AgreementFormValue['rounding']): RoundingRule | null {
  const incrementMinutes = rounding.incrementMinutes ?? 0;
  const minimumMinutes = rounding.minimumMinutes ?? 0;
  return incrementMinutes === 0 && minimumMinutes === 0 ? null : { incrementMinutes, minimumMinutes };
}

/** Billed minutes of an entry, as the API computes them: up to the next multiple of the increment, then at least the minimum. */
export function billedMinutes(actualMinutes: number, rule: RoundingRule | null): number {
  if (!rule) return actualMinutes;
  const rounded = rule.incrementMinutes > 0 ? Math.ceil(actualMinutes / rule.incrementMinutes) * rule.incrementMinutes : actualMinutes;
  return Math.max(rounded, rule.minimumMinutes);
}

/** rate × minutes ÷ 60, rounded once to the currency's minor unit, half away from zero (exact: no floating point drift). */
export function timeAmount(minutes: number, rate: number, currency: string): number {
  const digits = minorUnits(currency);
  const rateScaled = BigInt(Math.round(rate * 10_000));
  const numerator = rateScaled * BigInt(minutes) * 10n ** BigInt(digits);
  const denominator = 60n * 10_000n;
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const minor = (2n * magnitude + denominator) / (2n * denominator);
  return Number(negative ? -minor : minor) / 10 ** digits;
}

export interface RoundingExample {
  actualMinutes: number;
  billedMinutes: number;
  /** The steps in words: "rounded up to 15 minutes (the next multiple of 15)", "raised to the 30-minute minimum". */
  steps: string[];
  /** One sentence for the form: what a 7-minute entry becomes, and costs at the rate when there is one. */
  sentence: string;
  amount: number | null;
}

const minutesText = (m: number) => `${m} minute${m === 1 ? '' : 's'}`;
const hoursText = (m: number) => `${(m / 60).toFixed(2)} h`;

/** The worked example beside the rounding fields: what the rule does to a 7-minute entry (or another length). */
export function roundingExample(
  rounding: AgreementFormValue['rounding'], rate: number | null, currency: string, locale: string, actualMinutes = 7,
): RoundingExample {
  const rule = roundingRule(rounding);
  const billed = billedMinutes(actualMinutes, rule);
  const steps: string[] = [];
  if (rule && rule.incrementMinutes > 0) {
    const up = Math.ceil(actualMinutes / rule.incrementMinutes) * rule.incrementMinutes;
    steps.push(up === actualMinutes
      ? `${minutesText(actualMinutes)} is already a multiple of ${rule.incrementMinutes}`
      : `rounded up to ${minutesText(up)} (the next multiple of ${rule.incrementMinutes})`);
    if (rule.minimumMinutes > up) steps.push(`raised to the ${rule.minimumMinutes}-minute minimum`);
  } else if (rule && rule.minimumMinutes > actualMinutes) {
    steps.push(`raised to the ${rule.minimumMinutes}-minute minimum`);
  }

  const amount = rate !== null && rate >= 0 ? timeAmount(billed, rate, currency) : null;
  const price = amount === null ? '' : `, ${formatMoney(amount, currency, locale)} at ${formatMoney(rate, currency, locale)} an hour`;
  const sentence = !rule
    ? `No rounding: a ${actualMinutes}-minute entry bills as ${minutesText(billed)} (${hoursText(billed)})${price}.`
    : billed === actualMinutes
      ? `A ${actualMinutes}-minute entry bills as it is: ${minutesText(billed)} (${hoursText(billed)})${price}.`
      : `A ${actualMinutes}-minute entry bills as ${minutesText(billed)} (${hoursText(billed)})${price}: ${steps.join(', then ')}. Its actual ${minutesText(actualMinutes)} are kept too.`;
  return { actualMinutes, billedMinutes: billed, steps, sentence, amount };
}

/** The request for PUT .../agreement: only the type's own fields, the exclusive end, no rounding as null. */
export function toRequest(value: AgreementFormValue, concurrencyStamp: string | null): PutAgreementRequest {
  const hourly = value.type === 'Hourly';
  const block = value.type === 'BlockHours';
  const scope = value.scope?.trim() ? value.scope.trim() : null;
  return {
    type: value.type,
    effectiveFrom: value.effectiveFrom,
    effectiveTo: value.lastDay ? addDays(value.lastDay, 1) : null,
    hourlyRate: hourly ? value.hourlyRate : null,
    monthlyFee: hourly ? null : value.monthlyFee,
    scope: hourly ? null : scope,
    includedHours: block ? value.includedHours : null,
    overageRate: block ? value.overageRate : null,
    rollover: block && value.rollover,
    rounding: roundingRule(value.rounding),
    autoInvoice: value.autoInvoice,
    autoSend: value.autoInvoice && value.autoSend,
    concurrencyStamp,
  };
}

/** The form's values for an existing agreement (to change its terms). */
export function fromAgreement(a: AgreementDto): AgreementFormValue {
  return {
    type: a.type,
    effectiveFrom: a.effectiveFrom,
    lastDay: a.effectiveTo ? addDays(a.effectiveTo, -1) : null,
    hourlyRate: a.hourlyRate,
    monthlyFee: a.monthlyFee,
    scope: a.scope,
    includedHours: a.includedHours,
    overageRate: a.overageRate,
    rollover: a.rollover,
    rounding: { incrementMinutes: a.rounding?.incrementMinutes ?? 0, minimumMinutes: a.rounding?.minimumMinutes ?? 0 },
    autoInvoice: a.autoInvoice,
    autoSend: a.autoSend,
  };
}

export type RuleTone = 'info' | 'warning' | 'error';

export interface AgreementRule {
  tone: RuleTone;
  text: string;
}

export interface AgreementImpact {
  rules: AgreementRule[];
  /** The agreement with the same start date, which saving changes (its concurrency stamp goes with the request). */
  editing: AgreementDto | null;
  /** The API would refuse this (an overlap): saving is disabled until it is fixed. */
  blocked: boolean;
}

export interface AgreementContext {
  today: string;
  currency: string;
  defaultHourlyRate: number;
  /** The organisation's currency: its default rate only prices clients billed in it. */
  organisationCurrency: string;
  locale: string;
}

/** What saving would do, in words, before saving: the API's rules applied to the client's agreements. */
export function agreementImpact(history: AgreementDto[], value: AgreementFormValue, context: AgreementContext): AgreementImpact {
  const day = (d: string) => formatDay(d, context.locale);
  const money = (amount: number | null) => formatMoney(amount, context.currency, context.locale);
  const rules: AgreementRule[] = [];
  let blocked = false;
  if (!value.effectiveFrom) return { rules, editing: null, blocked: true };

  const sorted = [...history].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const editing = sorted.find((a) => a.effectiveFrom === value.effectiveFrom) ?? null;
  const previous = sorted.filter((a) => a.effectiveFrom < value.effectiveFrom).at(-1) ?? null;
  const next = sorted.find((a) => a.effectiveFrom > value.effectiveFrom) ?? null;
  const effectiveTo = value.lastDay ? addDays(value.lastDay, 1) : null;

  if (value.lastDay && value.lastDay < value.effectiveFrom) {
    rules.push({ tone: 'error', text: 'The last day is before the start. An agreement covers at least its first day.' });
    blocked = true;
  }

  if (editing) {
    rules.push({ tone: 'info', text: `Saving changes the ${agreementTypeLabel(editing.type)} agreement that starts on ${day(editing.effectiveFrom)} (same start date).` });
  }

  if (previous && (previous.effectiveTo === null || previous.effectiveTo > value.effectiveFrom)) {
    rules.push({
      tone: 'warning',
      text: `The ${agreementTypeLabel(previous.type)} agreement from ${day(previous.effectiveFrom)} will end: its last day becomes ${day(addDays(value.effectiveFrom, -1))}, and this one takes over on ${day(value.effectiveFrom)}.`,
    });
  }

  if (next && (effectiveTo === null || effectiveTo > next.effectiveFrom)) {
    rules.push({
      tone: 'error',
      text: `Another agreement starts on ${day(next.effectiveFrom)}, and agreements never overlap: give this one a last day of ${day(addDays(next.effectiveFrom, -1))} at the latest.`,
    });
    blocked = true;
  }

  rules.push({
    tone: 'info',
    text: `Rates and fees are in ${context.currency}, the client's currency, and the agreement keeps it: if the client's currency changes later, set a new agreement in the new currency.`,
  });

  if (value.effectiveFrom < context.today) {
    rules.push({ tone: 'info', text: `It applies from ${day(value.effectiveFrom)} to invoices generated from now on; invoices already generated keep their amounts.` });
  } else if (sorted.length === 0 && value.effectiveFrom > context.today) {
    const rate = context.currency === context.organisationCurrency
      ? `hourly at the organisation's default rate of ${money(context.defaultHourlyRate)}`
      : `nowhere: the organisation's default rate is in ${context.organisationCurrency}`;
    rules.push({ tone: 'info', text: `Until ${day(value.effectiveFrom)} the client has no agreement, so time bills ${rate}.` });
  }

  if (value.type === 'MonthlyRecurring') {
    rules.push({ tone: 'info', text: 'Time is tracked for utilisation but not charged line by line; a month the agreement covers only in part is charged for the days it covers.' });
  } else if (value.type === 'BlockHours') {
    rules.push({
      tone: 'info',
      text: `Hours above the included ${value.includedHours ?? '…'} a month bill at the overage rate; unused hours ${value.rollover ? 'carry into the next month only' : 'expire at the end of the month'}.`,
    });
  }

  rules.push({
    tone: 'info',
    text: value.autoInvoice
      ? `The month-end run invoices this client after each month closes and ${value.autoSend ? 'emails the invoice to its billing email' : 'leaves the draft for you to check and send'}.`
      : 'The month-end run leaves this client out: invoice it from New invoice.',
  });

  return { rules, editing, blocked };
}

/** One line of terms for the history: `£120.00 an hour · rounded up to 15 min, at least 30 min`. */
export function describeTerms(a: AgreementDto, locale: string): string {
  const money = (amount: number | null) => formatMoney(amount, a.currency, locale);
  const parts: string[] = [];
  if (a.type === 'Hourly') parts.push(`${money(a.hourlyRate)} an hour`);
  if (a.type === 'MonthlyRecurring') parts.push(`${money(a.monthlyFee)} a month${a.scope ? ` for ${a.scope}` : ''}`);
  if (a.type === 'BlockHours') {
    parts.push(`${money(a.monthlyFee)} a month for ${a.includedHours} h, then ${money(a.overageRate)} an hour${a.rollover ? ', unused hours roll over' : ''}`);
  }
  parts.push(describeRounding(a.rounding));
  return parts.join(' · ');
}

export function describeRounding(rule: RoundingRule | null): string {
  if (!rule) return 'no rounding';
  const parts = [];
  if (rule.incrementMinutes > 0) parts.push(`rounded up to ${rule.incrementMinutes} min`);
  if (rule.minimumMinutes > 0) parts.push(`at least ${rule.minimumMinutes} min`);
  return parts.join(', ');
}
