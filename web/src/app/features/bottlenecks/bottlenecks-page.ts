import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import {
  HandoffsResponse,
  KpiFilters,
  roleAtLeast,
  SatisfactionReport,
  StepDurationsResponse,
  TransitionDelaysResponse,
} from '@relais/contracts';
import { map } from 'rxjs';
import { KpiApiService } from '../../core/api/kpi-api.service';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { CaseFilters, filtersFromParams } from '../cases/case-filters';
import { BottlenecksApiService } from './bottlenecks-api.service';
import { HandoffSection } from './handoff-section';
import { SatisfactionSection } from './satisfaction-section';
import { StepsSection } from './steps-section';
import { TransitionsSection } from './transitions-section';

type BottlenecksView =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'empty' }
  | {
      state: 'ready';
      cases: number;
      handoffs: HandoffsResponse;
      transitions: TransitionDelaysResponse;
      steps: StepDurationsResponse;
      satisfaction: SatisfactionReport;
    };

/** The indicator filters the page honours from its own query string, and passes on to the cases it links to. */
const PAGE_FILTER_KEYS = ['from', 'to', 'source', 'team', 'channel', 'category'] as const;

@Component({
  selector: 'app-bottlenecks-page',
  imports: [HandoffSection, TransitionsSection, StepsSection, SatisfactionSection, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bottlenecks-page.html',
  styleUrl: './bottlenecks-page.css',
})
export class BottlenecksPage {
  private readonly kpis = inject(KpiApiService);
  private readonly api = inject(BottlenecksApiService);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);

  protected readonly filters = toSignal(
    this.route.queryParams.pipe(
      map((params) => {
        const all = filtersFromParams(params);
        const kept: CaseFilters = {};
        for (const key of PAGE_FILTER_KEYS) if (all[key] !== undefined) kept[key] = all[key];
        return kept;
      }),
    ),
    { initialValue: {} as CaseFilters },
  );
  // Equal by content: any navigation re-emits the query params, which must not fetch the same indicators again.
  private readonly kpiFilters = computed<KpiFilters>(() => ({ ...this.filters() }), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  /** Viewers read the indicators; the cases behind them are an analyst's (API-CONTRACT roles). */
  protected readonly canDrill = computed(() => {
    const role = this.auth.role();
    return role !== null && roleAtLeast(role, 'analyst');
  });

  private readonly summary = rxResource({ params: this.kpiFilters, stream: ({ params }) => this.kpis.summary(params) });
  private readonly handoffs = rxResource({
    params: this.kpiFilters,
    stream: ({ params }) => this.api.handoffs(params),
  });
  private readonly transitions = rxResource({
    params: this.kpiFilters,
    stream: ({ params }) => this.api.transitions(params),
  });
  private readonly steps = rxResource({ params: this.kpiFilters, stream: ({ params }) => this.api.steps(params) });
  private readonly satisfaction = rxResource({
    params: this.kpiFilters,
    stream: ({ params }) => this.api.satisfaction(params),
  });
  private readonly resources = [this.summary, this.handoffs, this.transitions, this.steps, this.satisfaction];

  protected readonly view = computed<BottlenecksView>(() => {
    if (this.resources.some((resource) => resource.error())) return { state: 'error' };
    if (!this.summary.hasValue() || !this.handoffs.hasValue() || !this.transitions.hasValue()) {
      return { state: 'loading' };
    }
    if (!this.steps.hasValue() || !this.satisfaction.hasValue()) return { state: 'loading' };
    const cases = this.summary.value().cases;
    if (cases === 0) return { state: 'empty' };
    return {
      state: 'ready',
      cases,
      handoffs: this.handoffs.value(),
      transitions: this.transitions.value(),
      steps: this.steps.value(),
      satisfaction: this.satisfaction.value(),
    };
  });

  protected readonly casesLabel = computed(() => {
    const view = this.view();
    return view.state === 'ready' ? this.i18n.formatNumber(view.cases) : '';
  });

  protected retry(): void {
    for (const resource of this.resources) resource.reload();
  }
}
