import { useMemo } from 'react';
import { Alert, Progress, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData } from '@tanstack/react-query';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { mondayOf, monthDay, shortWeekday } from '../appointmentFormat';
import { DaySwitcher } from '../DaySwitcher';
import { closedLabel } from '../labels';
import { StationPicker, useStationChoice } from '../StationPicker';
import type { WeekRow } from './weekTypes';

/** A day the service does not run at all (not merely past or full): greyed. */
const shut = (reason: string | null | undefined) => !!reason && reason !== 'past' && reason !== 'full';

/** 周视图: a station's week, days across and services down, booked of capacity; closed days greyed with why. */
export function WeekViewTab({ day, onDay, onOpenDay }: { day: string; onDay(day: string): void; onOpenDay(day: string): void }) {
  const today = shanghaiDate(useNow(60_000));
  const station = useStationChoice();
  const week = mondayOf(day);
  const view = useApiQuery(
    'appointments.weekView',
    { stationId: station.stationId ?? '', week },
    { enabled: station.stationId !== null, placeholderData: keepPreviousData },
  );
  const days = useMemo(() => view.data?.days ?? [], [view.data]);
  const calendar = useApiQuery('calendar.list', { year: Number(week.slice(0, 4)) }, { staleTime: 600_000 });
  const holidayName = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.date, d.kind === 'holiday' ? d.name : `${d.name}调休`])), [calendar.data]);

  const columns = useMemo<ColumnsType<WeekRow>>(
    () => [
      { title: t('apptWeek.service'), dataIndex: 'serviceName', key: 'service', fixed: 'start', width: 140, render: (name: string) => <strong>{name}</strong> },
      ...days.map((d, i) => {
        const closed = d.closedReason !== null && d.closedReason !== 'past';
        return {
          key: d.day,
          title: (
            <div className={`appt-week-head${d.day === today ? ' is-today' : ''}`}>
              {shortWeekday(d.day)} {monthDay(d.day)}
              <small>{[closed ? closedLabel(d.closedReason) : '', holidayName.get(d.day) ?? ''].filter(Boolean).join(' · ') || '\u00a0'}</small>
            </div>
          ),
          onCell: (row: WeekRow) => ({ className: closed || shut(row.cells[i]?.closedReason) ? 'appt-week-closed' : '' }),
          render: (_: unknown, row: WeekRow) => {
            const cell = row.cells[i];
            if (closed || !cell || cell.capacity === 0) return <Typography.Text type="secondary">{closed ? closedLabel(d.closedReason) : closedLabel(cell?.closedReason) || '—'}</Typography.Text>;
            const percent = Math.round((cell.booked / cell.capacity) * 100);
            return (
              <div className="appt-week-cell" role="button" tabIndex={0} onClick={() => onOpenDay(d.day)} onKeyDown={(e) => e.key === 'Enter' && onOpenDay(d.day)}>
                {t('apptWeek.use', { booked: cell.booked, capacity: cell.capacity })}
                <Progress percent={percent} size="small" showInfo={false} status={percent >= 100 ? 'exception' : 'normal'} />
              </div>
            );
          },
        };
      }),
    ],
    [days, today, onOpenDay, holidayName],
  );

  return (
    <div>
      <div className="appt-toolbar">
        <StationPicker choice={station} />
        <DaySwitcher day={week} today={today} onChange={onDay} step={7} />
        <span className="appt-toolbar-label">{t('apptWeek.openDay')}</span>
        {view.isFetching && <Spin size="small" />}
      </div>
      {station.empty && <Alert type="info" showIcon title={t('apptPage.noStations')} />}
      {view.isError && <Alert type="error" showIcon title={failureText(view.error)} />}
      <Table<WeekRow>
        className="appt-week"
        rowKey="stationServiceId"
        size="middle"
        bordered
        pagination={false}
        loading={view.isPending && station.stationId !== null}
        dataSource={view.data?.services ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('apptDay.noServices') }}
      />
    </div>
  );
}
