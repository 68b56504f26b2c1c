import type { ModalFuncProps } from 'antd';
import { t } from '../../i18n';

/** What the confirm asks before saving a resident with the same name and phone as one already kept. */
export function duplicateResidentQuestion(params: Record<string, string | number> | undefined): ModalFuncProps {
  return {
    title: t('resident.duplicateTitle'),
    content: t('resident.duplicateAsk', params),
    width: 500,
    okText: t('resident.saveAnyway'),
    cancelText: t('common.back'),
  };
}
