import { useState } from 'react';
import { Alert, App, Button, Empty, Space, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { PageSpinner } from '../../components/PageSpinner';
import { useNow } from '../../components/useNow';
import { t } from '../../i18n';
import { DayToolbar } from './DayToolbar';
import { printDayPlan } from './printDayPlan';
import { VisitCard, type VisitActions } from './VisitCard';
import { VisitFinishDialog, type FinishTarget } from './VisitFinishDialog';
import { VisitFormDialog, type VisitFormTarget } from './VisitFormDialog';
import { shanghaiNow } from './visitWords';
import './homeVisits.css';

/** 上门服务: each staff member's visits of a day in time order, with 完成, 改期, 取消, and the A4 sheet to take along. */
export default function HomeVisitsPage() {
  const { message } = App.useApp();
  const today = shanghaiNow(useNow(60_000)).today;
  const [day, setDay] = useState(today);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [form, setForm] = useState<VisitFormTarget | null>(null);
  const [finish, setFinish] = useState<FinishTarget | null>(null);
  const staff = useApiQuery('staff.list', {});
  const plan = useApiQuery('homeVisits.dayPlan', { day, staffId });

  const actions: VisitActions = {
    onComplete: (visit) => setFinish({ kind: 'complete', visit }),
    onCancel: (visit) => setFinish({ kind: 'cancel', visit }),
    onReschedule: (visit) => setForm({ kind: 'reschedule', visit }),
  };
  const plans = plan.data ?? [];
  const visitCount = plans.reduce((n, p) => n + p.visits.length, 0);

  const print = () => {
    const withVisits = plans.filter((p) => p.visits.length > 0);
    if (withVisits.length === 0) return void message.info(t('homeVisits.sheet.nothing'));
    void printDayPlan(day, withVisits);
  };

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('homeVisits.title')}</Typography.Title>
        <Space>
          <Button size="large" icon={<PrinterOutlined />} onClick={print} data-testid="visit-print">
            {t('homeVisits.print')}
          </Button>
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setForm({ kind: 'create' })}>
            {t('homeVisits.add')}
          </Button>
        </Space>
      </div>
      <DayToolbar
        day={day}
        today={today}
        staffId={staffId}
        staff={(staff.data ?? []).filter((s) => s.active || s.id === staffId)}
        onDay={setDay}
        onStaff={setStaffId}
      />
      {plan.isLoading && <PageSpinner />}
      {plan.error && <Alert type="error" showIcon title={failureText(plan.error)} />}
      {plan.data && visitCount === 0 && (
        <Empty
          className="home-visit-empty"
          description={staffId && plans[0] ? t('homeVisits.noneForStaff', { name: plans[0].staffName }) : t('homeVisits.noneThatDay')}
        />
      )}
      <div data-testid="visit-day-plan">
        {plans
          .filter((p) => p.visits.length > 0)
          .map((p) => (
            <section key={p.staffId} className="home-visit-staff" data-testid="visit-staff-plan">
              <h3>
                {p.staffName}
                <span className="home-visit-count">{t('homeVisits.staffCount', { count: p.visits.length })}</span>
              </h3>
              {p.visits.map((v) => (
                <VisitCard key={v.id} visit={v} actions={actions} />
              ))}
            </section>
          ))}
      </div>
      <VisitFormDialog target={form} onClose={() => setForm(null)} />
      <VisitFinishDialog target={finish} onClose={() => setFinish(null)} />
    </div>
  );
}
