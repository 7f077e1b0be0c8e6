import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { en } from './messages.en';
import { fr, MessageKey, Messages } from './messages.fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageParams = Record<string, string | number>;

export const LANGUAGE_STORAGE_KEY = 'relais.language';

const DICTIONARIES: Record<Language, Messages> = { fr, en };
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(this.readStoredLanguage());

  readonly language = this.current.asReadonly();
  readonly locale = computed(() => LOCALES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  setLanguage(language: Language): void {
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage can be disabled (private mode, policies): the choice then lasts for the session only.
    }
  }

  /** Reads the language signal, so templates and computed() calling it follow language changes. */
  t(key: MessageKey, params?: MessageParams): string {
    const template = DICTIONARIES[this.current()][key];
    if (!params) {
      return template;
    }
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
  }

  formatNumber(value: number, maximumFractionDigits = 0): string {
    return new Intl.NumberFormat(this.locale(), { maximumFractionDigits }).format(value);
  }

  /** `fraction` is a share between 0 and 1. */
  formatPercent(fraction: number, maximumFractionDigits = 1): string {
    return new Intl.NumberFormat(this.locale(), { style: 'percent', maximumFractionDigits }).format(fraction);
  }

  private readStoredLanguage(): Language {
    try {
      const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(stored) ? stored : 'fr';
    } catch {
      return 'fr';
    }
  }
}
