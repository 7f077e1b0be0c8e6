import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { injectCanOpenCases } from './cases-access';
import { reviewFormat } from './review-format';
import { WORST_MIN_CASES, WorstGroup, WorstTransition } from './worst-lists';

/** The week's worst teams, categories and transitions; every row opens the cases behind it. */
@Component({
  selector: 'app-worst-lists',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './worst-lists-view.html',
  styleUrl: './worst-lists-view.css',
})
export class WorstLists {
  private readonly i18n = inject(I18nService);

  readonly teams = input.required<readonly WorstGroup[]>();
  readonly categories = input.required<readonly WorstGroup[]>();
  readonly transitions = input.required<readonly WorstTransition[]>();

  protected readonly minCases = WORST_MIN_CASES;
  protected readonly canOpenCases = injectCanOpenCases();

  protected readonly groups = computed(() => [
    {
      id: 'teams',
      heading: this.i18n.t('review.worstTeams'),
      column: this.i18n.t('review.col.team'),
      rows: this.rows(this.teams()),
    },
    {
      id: 'categories',
      heading: this.i18n.t('review.worstCategories'),
      column: this.i18n.t('review.col.category'),
      rows: this.rows(this.categories()),
    },
  ]);

  protected readonly transitionRows = computed(() =>
    this.transitions().map((t) => ({
      ...t,
      name: `${t.from} → ${t.to}`,
      count: this.i18n.formatNumber(t.count),
      median: this.i18n.formatNumber(t.medianHours, 1),
      p90: this.i18n.formatNumber(t.p90Hours, 1),
    })),
  );

  private rows(groups: readonly WorstGroup[]) {
    return groups.map((group) => ({
      name: group.key ?? this.i18n.t('review.noGroup'),
      link: group.casesLink,
      cases: this.i18n.formatNumber(group.cases),
      transfers: reviewFormat(this.i18n.locale()).value('transfersMean', group.transfersMean),
      repeat: this.i18n.formatPercent(group.repeatRate),
    }));
  }
}
