import { amountStep, fitsCurrency, formatMoney, minorUnits, plainAmount, roundMoney } from './money';

/** Intl writes narrow and non-breaking spaces in some locales; the tests read them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('currency display', () => {
  it('knows each currency’s decimals as ISO 4217 (and the API) count them', () => {
    expect(minorUnits('GBP')).toBe(2);
    expect(minorUnits('usd')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('ISK')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
    expect(minorUnits('BHD')).toBe(3);
    // ICU writes LAK and IDR without decimals; ISO, Stripe's amounts and the API use two.
    expect(minorUnits('LAK')).toBe(2);
  });

  it('writes yen without decimals', () => {
    expect(plain(formatMoney(1234, 'JPY', 'en-GB'))).toBe('JP¥1,234');
    expect(plain(formatMoney(1234, 'JPY', 'ja-JP'))).toMatch(/^[¥￥]1,234$/);
    expect(plain(formatMoney(1234.6, 'JPY', 'en-US'))).toBe('¥1,235');
  });

  it('writes three-decimal currencies with three decimals', () => {
    expect(plain(formatMoney(1.5, 'KWD', 'en-GB'))).toBe('KWD 1.500');
    expect(plain(formatMoney(1234.567, 'BHD', 'en-US'))).toBe('BHD 1,234.567');
    expect(plain(formatMoney(0.001, 'OMR', 'en-GB'))).toBe('OMR 0.001');
  });

  it('writes two-decimal currencies with two, in the locale’s style', () => {
    expect(formatMoney(1234.5, 'GBP', 'en-GB')).toBe('£1,234.50');
    expect(formatMoney(30, 'USD', 'en-US')).toBe('$30.00');
    expect(plain(formatMoney(1234.5, 'EUR', 'de-DE'))).toBe('1.234,50 €');
    expect(plain(formatMoney(7, 'LAK', 'en-GB'))).toBe('LAK 7.00');
  });

  it('keeps the sign of credits and refunds, and never writes minus zero', () => {
    expect(formatMoney(-5, 'GBP', 'en-GB')).toBe('-£5.00');
    expect(formatMoney(-0, 'GBP', 'en-GB')).toBe('£0.00');
    expect(formatMoney(-0.001, 'GBP', 'en-GB')).toBe('£0.00');
    expect(formatMoney(5, 'GBP', 'en-GB', 'exceptZero')).toBe('+£5.00');
  });

  it('shows nothing for a missing amount', () => {
    expect(formatMoney(null, 'GBP')).toBe('');
    expect(formatMoney(undefined, 'GBP')).toBe('');
  });

  it('rounds half away from zero to the minor unit, like the API', () => {
    expect(roundMoney(1.005, 'GBP')).toBe(1.01);
    expect(roundMoney(-1.005, 'GBP')).toBe(-1.01);
    expect(roundMoney(2.5, 'JPY')).toBe(3);
    expect(roundMoney(1.0005, 'KWD')).toBe(1.001);
    expect(roundMoney(0.1 + 0.2, 'EUR')).toBe(0.3);
  });

  it('helps amount fields: step, plain value and decimals that fit', () => {
    expect(amountStep('GBP')).toBe('0.01');
    expect(amountStep('JPY')).toBe('1');
    expect(amountStep('KWD')).toBe('0.001');
    expect(plainAmount(1234.5, 'GBP')).toBe('1234.50');
    expect(plainAmount(1234, 'JPY')).toBe('1234');
    expect(plainAmount(2, 'KWD')).toBe('2.000');
    expect(fitsCurrency(1.5, 'JPY')).toBe(false);
    expect(fitsCurrency(1.25, 'GBP')).toBe(true);
    expect(fitsCurrency(1.255, 'GBP')).toBe(false);
    expect(fitsCurrency(1.255, 'KWD')).toBe(true);
  });
});
