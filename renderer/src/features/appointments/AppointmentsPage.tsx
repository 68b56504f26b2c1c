import { t } from '../../i18n';

/** 驿站预约: being built (issue 5). */
export default function AppointmentsPage() {
  return <h1 className="page-title">{t('nav.appointments')}</h1>;
}
