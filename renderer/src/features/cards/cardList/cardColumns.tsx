import { Tag, type TableProps } from 'antd';
import { CarOutlined } from '@ant-design/icons';
import type { CardSummary } from '../../../../../shared/contract/cards';
import { formatCardNumber } from '../../../../../shared/rules/cardNumber';
import { chineseDate } from '../../../components/format';
import { t } from '../../../i18n';
import { CardStatusTag } from '../CardTags';
import { benefitLabel, capLabel } from '../cardLabels';

export function cardColumns(): NonNullable<TableProps<CardSummary>['columns']> {
  return [
    { title: t('cardView.cardNo'), dataIndex: 'cardNo', width: 150, render: (n: string) => <span className="card-number">{formatCardNumber(n)}</span> },
    { title: t('cardView.holder'), dataIndex: 'holderName', width: 100, render: (n: string) => <strong>{n}</strong> },
    { title: t('cardView.benefit'), key: 'benefit', width: 90, render: (_: unknown, c) => <Tag color="red">{benefitLabel(c.benefit)}</Tag> },
    { title: t('cardView.cap'), dataIndex: 'monthlyCapFen', width: 150, render: (v: number | null) => capLabel(v) },
    {
      title: t('cardView.delivery'),
      dataIndex: 'delivery',
      width: 80,
      render: (d: boolean) => (d ? <Tag icon={<CarOutlined />} color="blue">{t('cardView.deliveryShort')}</Tag> : null),
    },
    { title: t('cardView.validity'), key: 'validity', render: (_: unknown, c) => t('cardView.validRange', { from: chineseDate(c.validFrom), to: chineseDate(c.validTo) }) },
    { title: t('cardView.status'), key: 'status', width: 90, render: (_: unknown, c) => <CardStatusTag status={c.status} reason={c.statusReason} /> },
  ];
}
