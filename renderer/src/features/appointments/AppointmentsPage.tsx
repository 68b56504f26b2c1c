import { useState } from 'react';
import { Segmented, Typography } from 'antd';
import { shanghaiDate } from '../../../../shared/rules/time';
import { OFFICE } from '../../../../shared/contract/roles';
import { useMe } from '../../app/session/SessionContext';
import { t } from '../../i18n';
import { BookingTab } from './booking/BookingTab';
import { CallListTab } from './calls/CallListTab';
import { DayViewTab } from './day/DayViewTab';
import { useRemembered } from './useRemembered';
import { WeekViewTab } from './week/WeekViewTab';
import './appointments.css';

const VIEWS = ['book', 'day', 'week', 'calls'] as const;
type View = (typeof VIEWS)[number];
const isView = (v: string): v is View => (VIEWS as readonly string[]).includes(v);

/** 驿站预约: book a slot for a resident, the station's day and week, and tomorrow's call list. */
export default function AppointmentsPage() {
  const me = useMe();
  const mayCall = OFFICE.includes(me.role);
  const [stored, setView] = useRemembered<View>('view', 'book', isView);
  const view = stored === 'calls' && !mayCall ? 'book' : stored;
  // the day the day view and the week view look at: a click on the week opens that day
  const [day, setDay] = useState(() => shanghaiDate(Date.now()));
  const options = VIEWS.filter((v) => v !== 'calls' || mayCall).map((v) => ({ value: v, label: t(`apptPage.view.${v}`) }));

  return (
    <div className="appt-page">
      <div className="page-title appt-title">
        <Typography.Title level={2}>{t('apptPage.title')}</Typography.Title>
        <Segmented<View> size="large" className="appt-views" value={view} onChange={setView} options={options} />
      </div>
      {view === 'book' && <BookingTab />}
      {view === 'day' && <DayViewTab day={day} onDay={setDay} />}
      {view === 'week' && (
        <WeekViewTab
          day={day}
          onDay={setDay}
          onOpenDay={(d) => {
            setDay(d);
            setView('day');
          }}
        />
      )}
      {view === 'calls' && <CallListTab />}
    </div>
  );
}
