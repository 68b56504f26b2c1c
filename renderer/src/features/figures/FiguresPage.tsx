import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Segmented, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { OFFICE, type Figures } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText, showApiError } from '../../components/apiErrors';
import { downloadBase64 } from '../../components/files';
import { chineseDate } from '../../components/format';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { useNow } from '../../components/useNow';
import { RANK_LIMIT, rankOption, serviceOption, shareOption, trendOption } from './chartOptions';
import { DimensionTable } from './DimensionTable';
import { EChart } from './EChart';
import type { ChartOption } from './echarts';
import { KpiCards } from './KpiCards';
import { PRESETS, presetPeriod, type Period, type Preset } from './period';
import './figures.css';

function ChartCard({ title, option, empty, height = 300, wide, testId }: { title: string; option: ChartOption; empty: boolean; height?: number; wide?: boolean; testId: string }) {
  return (
    <div className={`chart-card${wide ? ' chart-card-wide' : ''}`}>
      <div className="chart-title">{title}</div>
      {empty ? (
        <div className="chart-empty" style={{ height }}>
          {t('figuresPage.noData')}
        </div>
      ) : (
        <EChart option={option} height={height} testId={testId} ariaLabel={title} />
      )}
    </div>
  );
}

const DIMENSIONS = ['service', 'grid', 'channel', 'mode', 'staff'] as const;

function Charts({ f }: { f: Figures }) {
  const options = useMemo(
    () => ({
      trend: trendOption(f),
      service: serviceOption(f.by.service),
      channel: shareOption(f.by.channel, t('figuresPage.byChannel')),
      mode: shareOption(f.by.mode, t('figuresPage.byMode')),
      grid: rankOption(f.by.grid, false),
      staff: rankOption(f.by.staff, true),
    }),
    [f],
  );
  const nothing = f.tickets.issued === 0 && f.requests.received === 0;
  const rankHeight = (n: number) => Math.max(220, 60 + Math.min(n, RANK_LIMIT) * 34);
  const ranked = (title: string, n: number) => (n > RANK_LIMIT ? t('figuresPage.topN', { title, n: RANK_LIMIT }) : title);
  return (
    <div className="chart-grid">
      <ChartCard wide title={t(f.series[0]?.period.length === 7 ? 'figuresPage.trendMonthly' : 'figuresPage.trendDaily')} option={options.trend} empty={nothing} height={280} testId="chart-trend" />
      <ChartCard wide title={t('figuresPage.byService')} option={options.service} empty={f.by.service.length === 0} testId="chart-service" />
      <ChartCard title={t('figuresPage.byChannel')} option={options.channel} empty={f.requests.received === 0} testId="chart-channel" />
      <ChartCard title={t('figuresPage.byMode')} option={options.mode} empty={f.requests.received === 0} testId="chart-mode" />
      <ChartCard title={ranked(t('figuresPage.byGrid'), f.by.grid.length)} option={options.grid} empty={f.by.grid.length === 0} height={rankHeight(f.by.grid.length)} testId="chart-grid" />
      <ChartCard title={ranked(t('figuresPage.byStaff'), f.by.staff.length)} option={options.staff} empty={f.by.staff.length === 0} height={rankHeight(f.by.staff.length)} testId="chart-staff" />
    </div>
  );
}

/** 统计报表: the queue and the requests of any period, as cards, charts and tables, and as Excel. */
export default function FiguresPage() {
  const me = useMe();
  const office = OFFICE.includes(me.role);
  const { message } = App.useApp();
  const today = shanghaiDate(useNow(60_000));
  const [preset, setPreset] = useState<Preset>('month');
  const [custom, setCustom] = useState<Period>(() => presetPeriod('month', today));
  const period = preset === 'custom' ? custom : presetPeriod(preset, today);
  const query = useApiQuery('figures.get', period, { placeholderData: keepPreviousData });
  const exporter = useApiMutation('figures.export');
  const f = query.data;

  const exportFigures = () =>
    exporter.mutate(period, {
      onSuccess: (file) => {
        downloadBase64(file.fileName, file.base64);
        message.success(t('figuresPage.exported', { fileName: file.fileName }));
      },
      onError: (err) => showApiError(err, (text) => message.error(text)),
    });

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('figuresPage.title')}</Typography.Title>
        {office && (
          <Button size="large" icon={<DownloadOutlined />} loading={exporter.isPending} onClick={exportFigures}>
            {t('figuresPage.export')}
          </Button>
        )}
      </div>
      <div className="figures-toolbar">
        <Segmented<Preset>
          size="large"
          aria-label={t('figuresPage.period')}
          value={preset}
          onChange={(p) => {
            if (p === 'custom') setCustom(period);
            setPreset(p);
          }}
          options={PRESETS.map((p) => ({ value: p, label: t(`figuresPage.preset.${p}`) }))}
        />
        {preset === 'custom' && (
          <DatePicker.RangePicker
            size="large"
            allowClear={false}
            aria-label={t('figuresPage.customRange')}
            value={[dayjs(custom.from), dayjs(custom.to)]}
            onChange={(r) => {
              if (r?.[0] && r[1]) setCustom({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') });
            }}
          />
        )}
        <span className="figures-period-text" data-testid="figures-period">
          {period.from === period.to ? chineseDate(period.from) : t('figuresPage.range', { from: chineseDate(period.from), to: chineseDate(period.to) })}
        </span>
      </div>
      {query.error && <Alert type="error" showIcon title={failureText(query.error)} style={{ marginBottom: 16 }} />}
      {!f && query.isLoading && <PageSpinner />}
      {f && (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <KpiCards figures={f} />
          <Charts f={f} />
          <div className="chart-card">
            <Tabs
              items={DIMENSIONS.map((d) => ({
                key: d,
                label: t(`figuresPage.tab.${d}`),
                children: <DimensionTable rows={f.by[d]} nameTitle={t(`figuresPage.name.${d}`)} testId={`table-${d}`} />,
              }))}
            />
          </div>
        </div>
      )}
    </div>
  );
}
