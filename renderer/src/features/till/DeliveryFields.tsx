import { useEffect, useRef } from 'react';
import { Checkbox, Form, Input } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import type { PurchaseValues } from './purchaseForm';

interface Props {
  cardNo: string;
  values: PurchaseValues;
  error: string | null;
  onChange(patch: Partial<PurchaseValues>): void;
  onEnter(): void;
}

/** 送货上门 with the purchase: the address the centre holds for the card, which the cashier may correct. */
export function DeliveryFields({ cardNo, values, error, onChange, onEnter }: Props) {
  const address = useApiQuery('till.deliveryAddress', { cardNo }, { enabled: values.delivery });
  const known = address.data?.address ?? null;
  // Filled in once; after that the field is the cashier's (an address cleared on purpose stays clear).
  const filled = useRef(values.address !== '');
  useEffect(() => {
    if (!known || filled.current) return;
    filled.current = true;
    onChange({ address: known });
  }, [known, onChange]);

  return (
    <>
      <Checkbox className="purchase-delivery" checked={values.delivery} onChange={(e) => onChange({ delivery: e.target.checked })} data-testid="purchase-delivery">
        {t('purchase.deliveryOption')}
      </Checkbox>
      {values.delivery && (
        <>
          <Form.Item
            label={t('purchase.deliveryAddress')}
            validateStatus={error ? 'error' : undefined}
            help={error ?? (address.isFetching ? t('purchase.deliveryAddressLoading') : undefined)}
          >
            <Input.TextArea
              value={values.address}
              maxLength={120}
              autoSize={{ minRows: 1, maxRows: 3 }}
              onChange={(e) => onChange({ address: e.target.value })}
              data-testid="purchase-address"
            />
          </Form.Item>
          <Form.Item label={t('purchase.deliveryNote')}>
            <Input value={values.note} maxLength={200} onChange={(e) => onChange({ note: e.target.value })} onPressEnter={onEnter} />
          </Form.Item>
        </>
      )}
    </>
  );
}
