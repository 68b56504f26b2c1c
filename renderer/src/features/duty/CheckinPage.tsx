import { t } from '../../i18n';

/** 签到签退: being built (issue 5). */
export default function CheckinPage() {
  return <h1 className="page-title">{t('nav.checkin')}</h1>;
}
