import type { CardReport } from '../../../../shared/contract/partners';
import { formatFen } from '../../../../shared/rules/money';
import { t } from '../../i18n';
import { PALETTE } from '../figures/chartOptions';
import type { ChartOption } from '../figures/echarts';

const axisLabel = { fontSize: 13, color: '#595959' };

/** Twelve months: the discount given (bars, 元) and the number of purchases (line). */
export function trendOption(trend: CardReport['trend']): ChartOption {
  const yuanOf = (fen: number) => Number(formatFen(fen));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: 14 }, itemGap: 20 },
    grid: { left: 12, right: 12, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.map((m) => t('cardReportsPage.monthLabel', { y: m.month.slice(0, 4), m: Number(m.month.slice(5, 7)) })), axisLabel },
    yAxis: [
      { type: 'value', name: t('cardReportsPage.axisYuan'), axisLabel },
      { type: 'value', name: t('cardReportsPage.axisPurchases'), minInterval: 1, axisLabel, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: t('cardReportsPage.discount'), data: trend.map((m) => yuanOf(m.discountFen)), color: PALETTE[0], barMaxWidth: 28, yAxisIndex: 0 },
      { type: 'line', name: t('cardReportsPage.purchases'), data: trend.map((m) => m.purchases), color: PALETTE[1], lineStyle: { width: 3 }, symbolSize: 6, yAxisIndex: 1 },
    ],
  };
}
