import { KpiTarget } from '@relais/contracts';
import { targetProblem, toDraft, toRequest } from './target-rules';

const target = (indicator: KpiTarget['indicator'], value: number, alertLevel: number, direction: KpiTarget['direction']): KpiTarget => ({
  indicator,
  target: value,
  alertLevel,
  direction,
  updatedAt: '2025-01-01T00:00:00Z',
});

describe('target rules', () => {
  it('edits shares as percentages and other indicators as they are', () => {
    expect(toDraft(target('pingPongShare', 0.05, 0.1, 'lower'))).toEqual({ target: 5, alertLevel: 10, direction: 'lower' });
    expect(toDraft(target('transfersMean', 0.5, 1, 'lower'))).toEqual({ target: 0.5, alertLevel: 1, direction: 'lower' });
    expect(toDraft(target('csatShare', 0.07, 0.6, 'higher'))).toEqual({ target: 7, alertLevel: 60, direction: 'higher' });
  });

  it('sends shares back as fractions, without float noise', () => {
    expect(toRequest('repeatRate', { target: 7, alertLevel: 14.5, direction: 'lower' })).toEqual({
      target: 0.07,
      alertLevel: 0.145,
      direction: 'lower',
    });
    expect(toRequest('csatMean', { target: 4, alertLevel: 3.5, direction: 'higher' })).toEqual({
      target: 4,
      alertLevel: 3.5,
      direction: 'higher',
    });
  });

  it.each([
    ['transfersMean', { target: null, alertLevel: 1, direction: 'lower' }, 'settings.targets.required'],
    ['transfersMean', { target: -1, alertLevel: 1, direction: 'lower' }, 'settings.targets.negative'],
    ['repeatRate', { target: 10, alertLevel: 120, direction: 'lower' }, 'settings.targets.sharePercent'],
    ['repeatRate', { target: 10, alertLevel: 5, direction: 'lower' }, 'settings.targets.alertBelowTarget'],
    ['csatMean', { target: 4, alertLevel: 4.5, direction: 'higher' }, 'settings.targets.alertAboveTarget'],
    // Not a share: 120 is a plausible mean.
    ['transfersMean', { target: 100, alertLevel: 120, direction: 'lower' }, null],
    // Equal values are allowed on both sides, as on the server.
    ['csatShare', { target: 80, alertLevel: 80, direction: 'higher' }, null],
  ] as const)('%s %j → %s', (indicator, draft, problem) => {
    expect(targetProblem(indicator, draft)).toBe(problem);
  });
});
