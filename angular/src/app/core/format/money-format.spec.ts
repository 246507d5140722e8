import { formatMoney } from './money-format';

describe('money display', () => {
  it('shows each currency with its own decimals', () => {
    expect(formatMoney(1234.5, 'GBP', 'en-GB')).toBe('GBP 1,234.50');
    expect(formatMoney(12000, 'JPY', 'en-GB')).toBe('JPY 12,000');
    expect(formatMoney(1.234, 'BHD', 'en-GB')).toBe('BHD 1.234');
  });

  it('follows the language for separators', () => {
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50 EUR');
  });

  it('shows nothing for a missing amount', () => {
    expect(formatMoney(null, 'GBP')).toBe('');
  });
});
