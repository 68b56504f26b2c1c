import { t } from '../../i18n';

/** 上门服务: being built (issue 5). */
export default function HomeVisitsPage() {
  return <h1 className="page-title">{t('nav.homeVisits')}</h1>;
}
