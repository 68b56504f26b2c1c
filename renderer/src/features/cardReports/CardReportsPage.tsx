import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Select, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { shanghaiDate } from '../../../../shared/rules/time';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText, showApiError } from '../../components/apiErrors';
import { downloadBase64 } from '../../components/files';
import { PageSpinner } from '../../components/PageSpinner';
import { useNow } from '../../components/useNow';
import { t } from '../../i18n';
import { EChart } from '../figures/EChart';
import '../figures/figures.css';
import { PurchaseList } from './PurchaseList';
import { ReportKpis } from './ReportKpis';
import { HouseholdMonthTable, PartnerMonthTable } from './ReportTables';
import { trendOption } from './trendOption';
import './cardReports.css';

/** 爱心卡报表: one month's cards and purchases per shop and per household, the year's trend, and the Excel for the subsidy. */
export default function CardReportsPage() {
  const { message } = App.useApp();
  const thisMonth = shanghaiDate(useNow(60_000)).slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const [partnerId, setPartnerId] = useState<string | undefined>();
  const report = useApiQuery('cardReports.month', { month }, { placeholderData: keepPreviousData });
  const partners = useApiQuery('partners.list', {});
  const exporter = useApiMutation('cardReports.export');
  const r = report.data;
  const trend = useMemo(() => (r ? trendOption(r.trend) : null), [r]);
  const monthText = t('cardReportsPage.monthLabel', { y: month.slice(0, 4), m: Number(month.slice(5, 7)) });

  const exportMonth = () =>
    exporter.mutate(
      { month, partnerId },
      {
        onSuccess: (file) => {
          downloadBase64(file.fileName, file.base64);
          message.success(t('cardReportsPage.exported', { fileName: file.fileName }));
        },
        onError: (err) => showApiError(err, (text) => message.error(text)),
      },
    );

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('cardReportsPage.title')}</Typography.Title>
        <Button size="large" type="primary" icon={<DownloadOutlined />} loading={exporter.isPending} onClick={exportMonth}>
          {t('cardReportsPage.export')}
        </Button>
      </div>
      <div className="figures-toolbar">
        <DatePicker
          picker="month"
          size="large"
          allowClear={false}
          aria-label={t('cardReportsPage.month')}
          value={dayjs(`${month}-01`)}
          format="YYYY年M月"
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        <Select<string>
          allowClear
          size="large"
          style={{ width: 220 }}
          aria-label={t('cardReportsPage.partnerFilter')}
          placeholder={t('cardReportsPage.allPartners')}
          value={partnerId}
          onChange={setPartnerId}
          options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
        <span className="figures-period-text" data-testid="report-month">
          {partnerId ? t('cardReportsPage.scopeOne', { month: monthText }) : t('cardReportsPage.scopeAll', { month: monthText })}
        </span>
      </div>
      {report.error && <Alert type="error" showIcon title={failureText(report.error)} style={{ marginBottom: 16 }} />}
      {!r && report.isLoading && <PageSpinner />}
      {r && (
        <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <ReportKpis r={r} />
          <div className="chart-card" style={{ marginBottom: 16 }}>
            <div className="chart-title">{t('cardReportsPage.trend')}</div>
            {trend && <EChart option={trend} height={260} testId="chart-card-trend" ariaLabel={t('cardReportsPage.trend')} />}
          </div>
          <div className="chart-card">
            <Tabs
              items={[
                { key: 'partner', label: t('cardReportsPage.tab.partner'), children: <PartnerMonthTable r={r} /> },
                { key: 'household', label: t('cardReportsPage.tab.household'), children: <HouseholdMonthTable r={r} /> },
                { key: 'purchases', label: t('cardReportsPage.tab.purchases'), children: <PurchaseList month={month} partnerId={partnerId} /> },
              ]}
            />
          </div>
        </div>
      )}
    </div>
  );
}
