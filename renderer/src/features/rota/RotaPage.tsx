import { t } from '../../i18n';

/** 值班表: being built (issue 5). */
export default function RotaPage() {
  return <h1 className="page-title">{t('nav.rota')}</h1>;
}
