import { effect, inject, Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nService } from '../../core/i18n/i18n.service';

/** The paginator's labels in the interface language, relabelled when the language changes. */
@Injectable()
export class CasesPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18nService);

  constructor() {
    super();
    effect(() => {
      const t = this.i18n.t.bind(this.i18n);
      this.itemsPerPageLabel = t('cases.paginator.itemsPerPage');
      this.nextPageLabel = t('cases.paginator.next');
      this.previousPageLabel = t('cases.paginator.previous');
      this.firstPageLabel = t('cases.paginator.first');
      this.lastPageLabel = t('cases.paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const start = length === 0 ? 0 : page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    const format = (value: number) => this.i18n.formatNumber(value);
    return this.i18n.t('cases.paginator.range', { start: format(start), end: format(end), total: format(length) });
  };
}
