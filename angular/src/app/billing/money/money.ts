/**
 * Money as invoices show it: every amount in its own currency with that currency's ISO 4217 decimals (JPY none, GBP
 * two, KWD three), the same table the API rounds with (Regentra.Framework.Money.Currencies). The browser's own
 * currency data is not trusted for the decimals: it differs from ISO for a few currencies.
 */
const ZERO_DECIMALS = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DECIMALS = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

/** Decimal places of a currency's minor unit: 0, 2 or 3. */
export function minorUnits(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMALS.has(code)) return 0;
  if (THREE_DECIMALS.has(code)) return 3;
  return 2;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * `1234.5, 'GBP'` → `£1,234.50`; `1234, 'JPY'` → `¥1,234`; `1.5, 'KWD'` → `KWD 1.500` (in the given locale).
 * Negative amounts keep their sign; `signDisplay` 'exceptZero' writes `+£5.00` for changes.
 */
export function formatMoney(amount: number | null | undefined, currency: string, locale = defaultLocale(), signDisplay: 'auto' | 'exceptZero' = 'auto'): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  const digits = minorUnits(currency);
  const key = `${locale}|${currency}|${signDisplay}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency', currency, currencyDisplay: 'symbol', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay,
    });
    formats.set(key, format);
  }
  // -0 would print as "-£0.00".
  return format.format(roundMoney(amount, currency) || 0);
}

/** An amount as a plain number with the currency's decimals, for form fields: `1234.5, 'GBP'` → `1234.50`. */
export function plainAmount(amount: number, currency: string): string {
  return roundMoney(amount, currency).toFixed(minorUnits(currency));
}

/** Rounded half away from zero to the currency's minor unit (as the API rounds). */
export function roundMoney(amount: number, currency: string): number {
  const factor = 10 ** minorUnits(currency);
  const scaled = Math.abs(amount) * factor;
  // 1.005 * 100 is 100.49999999999999 in binary: nudge by a relative epsilon before rounding.
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / factor;
  return amount < 0 ? -rounded : rounded;
}

/** Whether a typed amount has no more decimals than the currency has (JPY 1.5 is not an amount). */
export function fitsCurrency(amount: number, currency: string): boolean {
  return Number.isFinite(amount) && roundMoney(amount, currency) === amount;
}

/** The step of an amount field in this currency: `0.01`, `1` or `0.001`. */
export function amountStep(currency: string): string {
  const digits = minorUnits(currency);
  return digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`;
}

function defaultLocale(): string {
  return typeof navigator === 'undefined' ? 'en-GB' : navigator.language || 'en-GB';
}
