import { t } from '../../i18n';

/** 考勤统计: being built (issue 5). */
export default function AttendancePage() {
  return <h1 className="page-title">{t('nav.attendance')}</h1>;
}
