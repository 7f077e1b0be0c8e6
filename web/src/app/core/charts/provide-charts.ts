import { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * Registers ECharts once for the whole app. The library is fetched when the first chart is drawn, so the login
 * page does not download it.
 */
export function provideCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts').then((module) => module.echarts) });
}
