import { createElement, useState } from 'react';
import { Alert, App, Button, Checkbox, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { PrinterOutlined } from '@ant-design/icons';
import { addDays } from '../../../../../shared/rules/workdays';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText, showApiError } from '../../../components/apiErrors';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { formatDateTimeShort } from '../../settings/format';
import { phoneForReading, timeOf } from '../appointmentFormat';
import { DaySwitcher } from '../DaySwitcher';
import { hostOnlyCss, printElement } from '../../../components/printElement';
import { CallSheet, type CallRow } from './CallSheet';

/** 电话提醒: the next day's bookings with full phone numbers, a 已提醒 tick for each, printable on A4. */
export function CallListTab() {
  const { message } = App.useApp();
  // no day chosen yet: the backend picks the next day to phone about (Monday's list on a Friday)
  const [chosen, setChosen] = useState<string | undefined>();
  const list = useApiQuery('appointments.callList', chosen ? { day: chosen } : {}, { staleTime: 0 });
  const today = shanghaiDate(useNow(60_000));
  const day = chosen ?? list.data?.day ?? addDays(today, 1);
  const mark = useApiMutation('appointments.markReminded');
  const qc = useQueryClient();
  const rows: CallRow[] = list.data?.rows ?? [];
  

  // the tick shows at once; the list read again afterwards confirms it (or the error takes it back)
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const toggle = (r: CallRow, reminded: boolean) => {
    setTicking((m) => ({ ...m, [r.id]: reminded }));
    mark.mutate(
      { id: r.id, reminded },
      {
        onError: (e) => showApiError(e, (text) => void message.error(text)),
        onSettled: async () => {
          await qc.invalidateQueries({ queryKey: ['appointments.callList'] });
          setTicking(({ [r.id]: _done, ...rest }) => rest);
        },
      },
    );
  };
  const remindedNow = (r: CallRow) => ticking[r.id] ?? r.reminded;

  const done = rows.filter(remindedNow).length;
  const print = () =>
    void printElement(createElement(CallSheet, { day, rows: rows.map((r) => ({ ...r, reminded: remindedNow(r) })), printedAt: formatDateTimeShort(new Date().getTime()) }), {
      hostId: 'lianxin-call-sheet',
      css: hostOnlyCss('lianxin-call-sheet', 'size: A4 portrait; margin: 12mm;'),
    }).catch(() => {
      /* the list is on screen; the worker can print again */
    });

  return (
    <div className="appt-calls">
      <div className="appt-toolbar">
        <DaySwitcher day={day} onChange={setChosen} onToday={() => setChosen(undefined)} todayLabel={t('apptCalls.nextDay')} />
        <strong style={{ fontSize: 17 }}>{t('apptCalls.progress', { done, total: rows.length })}</strong>
        <Button size="large" icon={<PrinterOutlined />} disabled={rows.length === 0} onClick={print} style={{ marginInlineStart: 'auto' }}>
          {t('apptCalls.print')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('apptCalls.hint')}</Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon title={failureText(list.error)} style={{ marginBottom: 12 }} />}
      <Table<CallRow>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => (remindedNow(r) ? 'appt-calls-done' : '')}
        locale={{ emptyText: t('apptCalls.empty') }}
        columns={[
          {
            title: t('apptCalls.reminded'),
            key: 'reminded',
            width: 130,
            render: (_, r) => (
              <Checkbox checked={remindedNow(r)} onChange={(e) => toggle(r, e.target.checked)} aria-label={`${t('apptCalls.remind')} ${r.residentName}`}>
                {t('apptCalls.reminded')}
              </Checkbox>
            ),
          },
          { title: t('apptCalls.time'), key: 'time', width: 90, render: (_, r) => timeOf(r.startMinute) },
          { title: t('apptCalls.name'), dataIndex: 'residentName', key: 'name', render: (n: string) => <strong style={{ fontSize: 17 }}>{n}</strong> },
          {
            title: t('apptCalls.phone'),
            dataIndex: 'phone',
            key: 'phone',
            render: (p: string | null) => (p ? <span className="appt-calls-phone">{phoneForReading(p)}</span> : <Typography.Text type="secondary">{t('apptCalls.noPhone')}</Typography.Text>),
          },
          { title: t('apptCalls.service'), dataIndex: 'serviceName', key: 'service' },
          { title: t('apptCalls.station'), dataIndex: 'stationName', key: 'station' },
          { title: t('apptCalls.number'), dataIndex: 'number', key: 'number', width: 140 },
        ]}
      />
    </div>
  );
}
