import { reviewFormat, shownChange } from './review-format';

describe('reviewFormat', () => {
  const fr = reviewFormat('fr-FR');
  const en = reviewFormat('en-GB');
  // Intl puts (narrow) no-break spaces in French numbers.
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it.each([
    ['transfersMean', 0.8, '0,80', '0.80'],
    ['repeatRate', 0.1234, '12,3 %', '12.3%'],
    ['csatShare', 0.8, '80,0 %', '80.0%'],
    ['stepDelay', 15.26, '15,3 h', '15.3 h'],
    ['stepDelay', null, '–', '–'],
  ] as const)('shows %s %p as "%s" / "%s"', (key, value, french, english) => {
    expect(plain(fr.value(key, value))).toBe(french);
    expect(en.value(key, value)).toBe(english);
  });

  it.each([
    ['transfersMean', 0.06, '+0,06'],
    ['transfersMean', 0, '0,00'],
    ['repeatRate', 0.016, '+1,6 pt'],
    ['csatShare', -0.032, '-3,2 pt'],
    ['stepDelay', -2.94, '-2,9 h'],
    ['stepDelay', null, '–'],
  ] as const)('shows the change of %s %p as "%s"', (key, change, text) => {
    expect(plain(fr.change(key, change))).toBe(text);
  });

  it('rounds a change like its display before it is judged', () => {
    expect(shownChange('transfersMean', 0.004)).toBe(0);
    expect(shownChange('transfersMean', 0.006)).toBe(0.01);
    expect(shownChange('repeatRate', 0.0004)).toBe(0);
    expect(shownChange('stepDelay', -0.04)).toBe(-0);
    expect(shownChange('stepDelay', null)).toBeNull();
  });
});
