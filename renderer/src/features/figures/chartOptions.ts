import type { Figures } from '../../../../shared/contract';
import { t } from '../../i18n';
import type { ChartOption } from './echarts';

type Row = Figures['by']['service'][number];

export const PALETTE = ['#b3202a', '#2f6fb0', '#d48806', '#389e0d', '#722ed1', '#13a8a8', '#c41d7f', '#8c8c8c'];

const legend = { top: 0, textStyle: { fontSize: 14 }, itemGap: 20 };
const axisLabel = { fontSize: 13, color: '#595959' };

/** Tickets issued, requests received and resolved per day (or month). */
export function trendOption(f: Figures): ChartOption {
  const monthly = f.series.length > 0 && f.series[0]!.period.length === 7;
  const label = (p: string) => (monthly ? t('figuresPage.monthLabel', { y: p.slice(0, 4), m: Number(p.slice(5, 7)) }) : `${Number(p.slice(5, 7))}/${Number(p.slice(8, 10))}`);
  const line = (name: string, data: number[], color: string) => ({ type: 'line' as const, name, data, smooth: false, symbolSize: 6, color, lineStyle: { width: 3 } });
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend,
    grid: { left: 12, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: f.series.map((s) => label(s.period)), axisLabel, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, axisLabel },
    series: [
      line(t('figuresPage.issued'), f.series.map((s) => s.issued), PALETTE[1]!),
      line(t('figuresPage.received'), f.series.map((s) => s.received), PALETTE[0]!),
      line(t('figuresPage.resolved'), f.series.map((s) => s.resolved), PALETTE[3]!),
    ],
  };
}

/** Grouped bars per service: tickets issued, requests received, requests resolved. */
export function serviceOption(rows: Row[]): ChartOption {
  return {
    color: [PALETTE[1]!, PALETTE[0]!, PALETTE[3]!],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    grid: { left: 12, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { ...axisLabel, interval: 0, rotate: rows.length > 9 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel },
    series: [
      { type: 'bar', name: t('figuresPage.issued'), data: rows.map((r) => r.tickets?.issued ?? 0), barMaxWidth: 28 },
      { type: 'bar', name: t('figuresPage.received'), data: rows.map((r) => r.requests.received), barMaxWidth: 28 },
      { type: 'bar', name: t('figuresPage.resolved'), data: rows.map((r) => r.requests.resolved), barMaxWidth: 28 },
    ],
  };
}

/** A ring of requests received per category (channel, mode), with count and share on each slice. */
export function shareOption(rows: Row[], name: string): ChartOption {
  const data = rows.filter((r) => r.requests.received > 0).map((r) => ({ name: r.label, value: r.requests.received }));
  const total = data.reduce((sum, d) => sum + d.value, 0);
  // Each slice's own share, rounded on its own: ECharts' {d} makes the shares add up to 100 and so
  // shows three equal slices as 33.4% / 33.3% / 33.3%.
  const share = (p: { value?: unknown }) => `${((Number(p.value) / total) * 100).toFixed(1)}%`;
  return {
    color: PALETTE,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const one = Array.isArray(p) ? p[0]! : p;
        return `${one.name}：${String(one.value)}（${share(one)}）`;
      },
    },
    legend: { ...legend, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name,
        radius: ['32%', '58%'],
        center: ['50%', '58%'],
        data,
        label: { formatter: (p) => `${p.name}\n${String(p.value)}（${share(p)}）`, fontSize: 13, lineHeight: 18 },
        minAngle: 4,
      },
    ],
  };
}

/** How many rows a ranking chart shows; the table below lists them all. */
export const RANK_LIMIT = 12;

/** The busiest rows first, at most RANK_LIMIT of them. */
export function topRows(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => b.requests.received - a.requests.received || (b.tickets?.served ?? 0) - (a.tickets?.served ?? 0)).slice(0, RANK_LIMIT);
}

/** Horizontal bars (long names such as 东片区 / 第一网格 read along the axis), busiest on top: received and resolved. */
export function rankOption(rows: Row[], withTickets: boolean): ChartOption {
  const shown = topRows(rows).reverse();
  const series: ChartOption['series'] = [
    { type: 'bar', name: t('figuresPage.received'), data: shown.map((r) => r.requests.received), barMaxWidth: 18, color: PALETTE[0] },
    { type: 'bar', name: t('figuresPage.resolved'), data: shown.map((r) => r.requests.resolved), barMaxWidth: 18, color: PALETTE[3] },
  ];
  if (withTickets) series.unshift({ type: 'bar', name: t('figuresPage.served'), data: shown.map((r) => r.tickets?.served ?? 0), barMaxWidth: 18, color: PALETTE[1] });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    grid: { left: 12, right: 24, top: 40, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { ...axisLabel, width: 180, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel },
    series,
  };
}
