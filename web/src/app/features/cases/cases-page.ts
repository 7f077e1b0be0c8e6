import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatChipsModule } from '@angular/material/chips';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import {
  CaseFilterKey,
  filtersFromParams,
  PAGE_SIZES,
  pagingFromParams,
  paramsWithout,
  toCaseListQuery,
} from './case-filters';
import { CasesApiService } from './cases-api.service';
import { CasesPaginatorIntl } from './cases-paginator-intl';
import { FilterChip, filterChips } from './filter-chips';

const COLUMNS = ['caseId', 'source', 'createdAt', 'team', 'channel', 'category', 'transfers', 'repeated', 'reopened'];

/**
 * The cases behind a chart: filters come from the query string (what a chart click wrote), show as removable chips,
 * and every change (chip removed, page turned) is a navigation, so the browser's back button and the timeline's
 * "back to the list" both land on the same list.
 */
@Component({
  selector: 'app-cases-page',
  imports: [MatChipsModule, MatPaginatorModule, MatTableModule, RouterLink, TranslatePipe],
  providers: [{ provide: MatPaginatorIntl, useClass: CasesPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cases-page.html',
  styleUrl: './cases-page.css',
})
export class CasesPage {
  private readonly api = inject(CasesApiService);
  private readonly i18n = inject(I18nService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  private readonly params = toSignal(this.route.queryParams, { requireSync: true });
  protected readonly filters = computed(() => filtersFromParams(this.params()));
  protected readonly paging = computed(() => pagingFromParams(this.params()));
  protected readonly chips = computed(() => filterChips(this.filters()));
  protected readonly columns = COLUMNS;
  protected readonly pageSizes = PAGE_SIZES;

  private readonly query = computed(() => toCaseListQuery(this.filters(), this.paging()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  private readonly cases = rxResource({
    params: this.query,
    stream: ({ params }) => this.api.list(params),
  });

  protected readonly state = computed(() => {
    if (this.cases.error()) return 'error';
    // Keep the previous page on screen while the next one loads: the table does not jump.
    if (!this.cases.hasValue()) return 'loading';
    return this.cases.value().total === 0 ? 'empty' : 'ready';
  });
  protected readonly loadingMore = computed(() => this.cases.isLoading() && this.cases.hasValue());
  protected readonly total = computed(() => (this.cases.hasValue() ? this.cases.value().total : 0));
  protected readonly totalLabel = computed(() => this.i18n.formatNumber(this.total()));
  protected readonly rows = computed(() =>
    this.cases.hasValue()
      ? this.cases.value().items.map((item) => ({
          ...item,
          created: this.formatDate(item.createdAt),
          transfersLabel: this.i18n.formatNumber(item.transfers),
        }))
      : [],
  );

  protected chipValue(chip: FilterChip): string {
    return typeof chip.value === 'string' ? chip.value : this.i18n.t(chip.value.message);
  }

  protected remove(key: CaseFilterKey): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsWithout(key),
      queryParamsHandling: 'merge',
    });
  }

  protected turn(event: PageEvent): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { page: event.pageIndex + 1, pageSize: event.pageSize },
      queryParamsHandling: 'merge',
    });
  }

  protected retry(): void {
    this.cases.reload();
  }

  private formatDate(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }
}
