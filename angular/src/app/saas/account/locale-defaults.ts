/** The browser's IANA time zone, e.g. Europe/London. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA time zone the browser knows, with the browser's own first if it is missing from the list. */
export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const own = browserTimeZone();
  return zones.includes(own) ? zones : [own, ...zones];
}

// Region → currency for the places Regentra's customers work in most; anything else starts from USD.
const REGION_CURRENCY: Record<string, string> = {
  GB: 'GBP', IE: 'EUR', US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', ZA: 'ZAR', IN: 'INR', SG: 'SGD', HK: 'HKD', JP: 'JPY',
  CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', BR: 'BRL', MX: 'MXN', AE: 'AED',
  DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR', BE: 'EUR', AT: 'EUR', PT: 'EUR', FI: 'EUR', GR: 'EUR', LU: 'EUR',
  SK: 'EUR', SI: 'EUR', EE: 'EUR', LV: 'EUR', LT: 'EUR', HR: 'EUR', MT: 'EUR', CY: 'EUR',
};

/** The currency of the browser's region (from its language tag, e.g. en-GB → GBP), or USD. */
export function browserCurrency(language = typeof navigator === 'undefined' ? 'en-US' : navigator.language): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(language).maximize().region;
  } catch {
    region = undefined;
  }
  return (region && REGION_CURRENCY[region]) || 'USD';
}

/** Currencies to choose from: the browser's list of ISO 4217 codes, common ones first. */
export function currencies(): string[] {
  const common = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF'];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return [...common, ...all.filter((code) => !common.includes(code))];
}

/** A URL slug suggested from an organisation's name: "Northwind IT Ltd." → "northwind-it-ltd". */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}
