import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { KpiSummary } from '@relais/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

interface SummaryCard {
  testId: string;
  label: string;
  value: string;
  unit: string;
  note?: string;
}

@Component({
  selector: 'app-summary-cards',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{{ 'summary.heading' | t }}</h2>
      <p class="caption" data-testid="summary-caption">{{ 'summary.caption' | t: { cases: casesLabel() } }}</p>
      <ul class="cards">
        @for (card of cards(); track card.testId) {
          <li class="card" [attr.data-testid]="card.testId">
            <span class="label">{{ card.label }}</span>
            <span class="value">{{ card.value }}</span>
            <span class="unit">{{ card.unit }}</span>
            @if (card.note) {
              <span class="note">{{ card.note }}</span>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    h2 {
      margin: 0;
      font-size: 1.15rem;
    }
    .caption {
      margin: 0.25rem 0 0.75rem;
      color: var(--text-muted);
      font-size: 0.925rem;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      padding: 1rem 1.1rem;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius-lg);
      break-inside: avoid;
    }
    .label {
      font-weight: 600;
    }
    .value {
      font-size: 1.9rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: var(--accent-strong);
    }
    .unit,
    .note {
      color: var(--text-muted);
      font-size: 0.875rem;
    }
  `,
})
export class SummaryCards {
  private readonly i18n = inject(I18nService);

  readonly summary = input.required<KpiSummary>();

  protected readonly casesLabel = computed(() => this.i18n.formatNumber(this.summary().cases));
  protected readonly cards = computed<SummaryCard[]>(() => {
    const { cases, transfers, repeatContact } = this.summary();
    const i18n = this.i18n;
    return [
      {
        testId: 'kpi-cases',
        label: i18n.t('summary.cases'),
        value: i18n.formatNumber(cases),
        unit: i18n.t('summary.casesUnit'),
      },
      {
        testId: 'kpi-transfers',
        label: i18n.t('summary.transfers'),
        value: i18n.formatNumber(transfers.mean, 2),
        unit: i18n.t('summary.transfersUnit'),
      },
      {
        testId: 'kpi-ping-pong',
        label: i18n.t('summary.pingPong'),
        value: i18n.formatPercent(transfers.pingPongShare),
        unit: i18n.t('summary.pingPongUnit'),
      },
      {
        testId: 'kpi-repeat-contact',
        label: i18n.t('summary.repeat'),
        value: i18n.formatPercent(repeatContact.rate),
        unit: i18n.t('summary.repeatUnit', { days: repeatContact.windowDays }),
        note:
          repeatContact.provisionalCases > 0
            ? i18n.t('summary.repeatProvisional', { count: i18n.formatNumber(repeatContact.provisionalCases) })
            : undefined,
      },
    ];
  });
}
