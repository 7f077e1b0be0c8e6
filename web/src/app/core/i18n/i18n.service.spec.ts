import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService, LANGUAGE_STORAGE_KEY } from './i18n.service';
import { en } from './messages.en';
import { fr, MessageKey } from './messages.fr';
import { TranslatePipe } from './translate.pipe';

const normalizeSpaces = (text: string) => text.replace(/\s/g, ' ');

describe('I18nService', () => {
  beforeEach(() => localStorage.clear());

  it('speaks French by default and marks the document as French', () => {
    const i18n = TestBed.inject(I18nService);

    expect(i18n.language()).toBe('fr');
    expect(i18n.t('login.invalidCredentials')).toBe('Identifiants incorrects');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('switches to English and remembers the choice', () => {
    const i18n = TestBed.inject(I18nService);

    i18n.setLanguage('en');

    expect(i18n.t('login.invalidCredentials')).toBe('Incorrect email or password');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the stored language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');

    expect(TestBed.inject(I18nService).t('header.logout')).toBe('Sign out');
  });

  it('ignores an unknown stored language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');

    expect(TestBed.inject(I18nService).language()).toBe('fr');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const i18n = TestBed.inject(I18nService);

    expect(i18n.t('summary.repeatUnit', { days: 7 })).toBe('des dossiers suivis d’un nouveau contact sous 7 jours');
    expect(i18n.t('summary.repeatUnit')).toContain('{days}');
  });

  it('formats numbers and shares in the current locale', () => {
    const i18n = TestBed.inject(I18nService);

    expect(normalizeSpaces(i18n.formatNumber(1234.567, 2))).toBe('1 234,57');
    expect(normalizeSpaces(i18n.formatPercent(0.125))).toBe('12,5 %');
    i18n.setLanguage('en');
    expect(i18n.formatNumber(1234.567, 2)).toBe('1,234.57');
    expect(i18n.formatPercent(0.125)).toBe('12.5%');
  });

  it('translates every message with the same placeholders in English', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

    for (const key of Object.keys(fr) as MessageKey[]) {
      expect(en[key].trim()).not.toBe('');
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({ key, placeholders: placeholders(fr[key]) });
    }
  });
});

@Component({
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button type="button">{{ 'login.submit' | t }}</button><p>{{ 'summary.caption' | t: { cases: 42 } }}</p>`,
})
class PipeHost {
  readonly i18n = inject(I18nService);
}

describe('TranslatePipe', () => {
  beforeEach(() => localStorage.clear());

  it('renders French, then follows a switch to English without re-creating the view', async () => {
    const fixture = TestBed.createComponent(PipeHost);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('button')?.textContent).toBe('Se connecter');
    expect(element.querySelector('p')?.textContent).toBe('Sur 42 dossiers.');

    fixture.componentInstance.i18n.setLanguage('en');
    await fixture.whenStable();

    expect(element.querySelector('button')?.textContent).toBe('Sign in');
    expect(element.querySelector('p')?.textContent).toBe('Based on 42 cases.');
  });
});
