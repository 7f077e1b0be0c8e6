import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18nService, Language, LANGUAGES } from './i18n.service';
import { MessageKey } from './messages.fr';
import { TranslatePipe } from './translate.pipe';

@Component({
  selector: 'app-language-toggle',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toggle" role="group" [attr.aria-label]="'lang.group' | t">
      @for (language of languages; track language) {
        <button
          type="button"
          [attr.data-testid]="'lang-' + language"
          [attr.lang]="language"
          [attr.aria-pressed]="i18n.language() === language"
          [title]="names[language] | t"
          (click)="i18n.setLanguage(language)"
        >
          {{ language.toUpperCase() }}
        </button>
      }
    </div>
  `,
  styles: `
    .toggle {
      display: inline-flex;
      border: 1px solid var(--border-strong);
      border-radius: var(--radius);
      overflow: hidden;
    }
    button {
      border: 0;
      border-radius: 0;
      background: var(--surface);
      color: var(--text);
      padding: 0.25rem 0.6rem;
      font-weight: 600;
    }
    button[aria-pressed='true'] {
      background: var(--accent);
      color: var(--on-accent);
    }
  `,
})
export class LanguageToggle {
  protected readonly i18n = inject(I18nService);
  protected readonly languages = LANGUAGES;
  protected readonly names: Record<Language, MessageKey> = { fr: 'lang.fr', en: 'lang.en' };
}
