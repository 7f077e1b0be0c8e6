import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18nService, MessageParams } from './i18n.service';
import { MessageKey } from './messages.fr';

/**
 * Impure on purpose: a pure pipe memoises on its arguments and would keep the old language's text after a
 * switch. The lookup is a property read, and zoneless OnPush views only re-render on their own signals/events.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}
