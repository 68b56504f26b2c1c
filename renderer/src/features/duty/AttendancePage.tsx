import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Table, Typography } from 'antd';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AttendanceRow } from '../../../../shared/contract/duty';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { downloadBase64 } from '../../components/files';
import { t } from '../../i18n';
import { DutyRulesModal } from './DutyRulesModal';

const hours = (minutes: number) => t('attendance.hours', { hours: Math.round((minutes / 60) * 10) / 10 });
const count = (n: number) => (n === 0 ? '—' : t('attendance.count', { count: n }));
const warn = (n: number) => (n === 0 ? '—' : <Typography.Text type="danger">{t('attendance.count', { count: n })}</Typography.Text>);

/** 考勤统计: the month per person — planned, attended, late, early, absent, missed, unscheduled. */
export default function AttendancePage() {
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const key = month.format('YYYY-MM');
  const data = useApiQuery('duty.attendance', { month: key });
  const exporter = useApiMutation('duty.attendanceExport');
  const [rulesOpen, setRulesOpen] = useState(false);

  const exportExcel = () =>
    exporter.mutate(
      { month: key },
      {
        onSuccess: (f) => {
          downloadBase64(f.fileName, f.base64);
          void message.success(t('attendance.exported', { rows: f.rows }));
        },
        onError: (e) => void message.error(failureText(e)),
      },
    );

  return (
    <div>
      <Flex justify="space-between" align="center" className="page-title" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('attendance.title')}
        </Typography.Title>
        <Flex gap={12} align="center">
          <span>{t('attendance.month')}</span>
          <DatePicker
            picker="month"
            size="large"
            allowClear={false}
            value={month}
            onChange={(d) => d && setMonth(d)}
            format="YYYY年M月"
            data-testid="attendance-month"
          />
          <Button size="large" icon={<DownloadOutlined />} loading={exporter.isPending} onClick={exportExcel} data-testid="attendance-export">
            {t('attendance.export')}
          </Button>
          <Button size="large" icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} data-testid="duty-rules">
            {t('dutyRules.open')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t('attendance.rule')}</Typography.Paragraph>
      {data.isError && <Alert type="error" showIcon title={failureText(data.error)} style={{ marginBottom: 16 }} />}
      <DutyRulesModal open={rulesOpen} onClose={() => setRulesOpen(false)} />
      <Table<AttendanceRow>
        rowKey="staffId"
        data-testid="attendance-table"
        loading={data.isPending}
        dataSource={data.data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: t('attendance.empty') }}
        columns={[
          { title: t('attendance.col.name'), dataIndex: 'name', render: (n: string) => <strong>{n}</strong> },
          { title: t('attendance.col.shifts'), dataIndex: 'scheduledShifts', align: 'right', render: count },
          { title: t('attendance.col.scheduledHours'), dataIndex: 'scheduledMinutes', align: 'right', render: hours },
          { title: t('attendance.col.attendedHours'), dataIndex: 'attendedMinutes', align: 'right', render: hours },
          {
            title: t('attendance.col.late'),
            key: 'late',
            align: 'right',
            render: (_, r) => (r.lateCount === 0 ? '—' : t('attendance.lateValue', { count: r.lateCount, minutes: r.lateMinutes })),
          },
          { title: t('attendance.col.early'), dataIndex: 'earlyCount', align: 'right', render: count },
          { title: t('attendance.col.absences'), dataIndex: 'absences', align: 'right', render: warn },
          { title: t('attendance.col.missed'), dataIndex: 'missedOut', align: 'right', render: warn },
          {
            title: t('attendance.col.unscheduled'),
            key: 'unscheduled',
            align: 'right',
            render: (_, r) => (r.unscheduled === 0 ? '—' : `${t('attendance.count', { count: r.unscheduled })} / ${hours(r.unscheduledMinutes)}`),
          },
        ]}
      />
    </div>
  );
}
