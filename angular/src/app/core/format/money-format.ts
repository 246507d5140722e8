/**
 * Money as people read it: the currency's own number of decimals (JPY none, BHD three, most two), in the browser's
 * language. Amounts from the API are exact decimals already rounded to the currency's minor unit, so nothing is
 * rounded here beyond what Intl needs to print them.
 */
export function formatMoney(amount: number | null | undefined, currency: string, locale = defaultLocale()): string {
  if (amount === null || amount === undefined) return '';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount).replace(/\u00a0/g, ' ');
  } catch {
    return `${amount.toFixed(2)} ${currency}`; // not an ISO code Intl knows
  }
}

function defaultLocale(): string {
  return typeof navigator === 'undefined' ? 'en-GB' : navigator.language || 'en-GB';
}
