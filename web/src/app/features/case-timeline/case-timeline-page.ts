import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { CaseDetail } from '@relais/contracts';
import { map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fr';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { CasesApiService } from '../cases/cases-api.service';
import { stepStays, timelineRows } from './timeline-rows';

type TimelineView =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'not-found' }
  | { state: 'ready'; detail: CaseDetail };

const EVENT_LABELS: Record<string, MessageKey> = {
  created: 'caseTimeline.event.created',
  assigned: 'caseTimeline.event.assigned',
  status_changed: 'caseTimeline.event.status_changed',
  reopened: 'caseTimeline.event.reopened',
  contact: 'caseTimeline.event.contact',
  survey: 'caseTimeline.event.survey',
};

/**
 * One case's journey: its facts, the time spent in each step, and its events with transfers highlighted. The list's
 * filters ride along in the query string, so "back" returns to the same list.
 */
@Component({
  selector: 'app-case-timeline-page',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-timeline-page.html',
  styleUrl: './case-timeline-page.css',
})
export class CaseTimelinePage {
  private readonly api = inject(CasesApiService);
  private readonly i18n = inject(I18nService);
  private readonly route = inject(ActivatedRoute);

  private readonly key = toSignal(
    this.route.paramMap.pipe(
      map((params) => ({ source: params.get('source') ?? '', caseId: params.get('caseId') ?? '' })),
    ),
    { requireSync: true },
  );
  private readonly detail = rxResource({
    params: this.key,
    stream: ({ params }) => this.api.detail(params.source, params.caseId),
  });

  protected readonly caseId = computed(() => this.key().caseId);
  protected readonly view = computed<TimelineView>(() => {
    const error = this.detail.error();
    if (error) {
      const cause = (error as { cause?: unknown }).cause ?? error;
      return cause instanceof HttpErrorResponse && cause.status === 404 ? { state: 'not-found' } : { state: 'error' };
    }
    return this.detail.hasValue() ? { state: 'ready', detail: this.detail.value() } : { state: 'loading' };
  });

  protected readonly rows = computed(() => {
    const view = this.view();
    if (view.state !== 'ready') return [];
    return timelineRows(view.detail).map(({ event, transfer }) => ({
      when: this.formatDate(event.ts),
      label: this.eventLabel(event.event),
      step: event.step ?? '–',
      team: event.team ?? '–',
      agent: event.agent ?? '–',
      transfer,
      pickup: transfer?.pickupHours != null ? this.i18n.formatNumber(transfer.pickupHours, 1) : null,
      detail:
        event.event === 'survey' && event.csat !== null
          ? this.i18n.t('caseTimeline.survey', { csat: event.csat, scale: event.csatScale ?? 5 })
          : event.event === 'contact' && event.direction
            ? this.i18n.t(event.direction === 'outbound' ? 'caseTimeline.outbound' : 'caseTimeline.inbound')
            : '',
      survey: event.event === 'survey',
    }));
  });

  protected readonly stays = computed(() => {
    const view = this.view();
    if (view.state !== 'ready') return [];
    return stepStays(view.detail.events).map((stay) => ({
      step: stay.step ?? '–',
      entered: this.formatDate(stay.enteredAt),
      hours: stay.hours === null ? null : this.i18n.formatNumber(stay.hours, 2),
    }));
  });

  protected formatDate(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }

  protected formatNumber(value: number): string {
    return this.i18n.formatNumber(value);
  }

  protected reload(): void {
    this.detail.reload();
  }

  private eventLabel(event: string): string {
    const key = EVENT_LABELS[event];
    return key ? this.i18n.t(key) : event;
  }
}
