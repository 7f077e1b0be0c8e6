import { BarChart, HeatmapChart, LineChart, SankeyChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { MarkAreaComponent, MarkLineComponent } from 'echarts/components';

// Everything a chart of the app uses must be registered here; echarts/core alone draws nothing.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
// Bottlenecks page: handoff flow (Sankey), handoff matrix and step × team (heatmaps), CSAT points (scatter).
echarts.use([SankeyChart, HeatmapChart, ScatterChart, VisualMapComponent]);

// Review sparklines and trends: target bands (mark areas) and target lines.
echarts.use([MarkAreaComponent, MarkLineComponent]);

export { echarts };
