import { useState } from 'react';
import { App, Input } from 'antd';
import { useApiMutation } from '../../../api/hooks';
import { showApiError } from '../../../components/apiErrors';
import { t } from '../../../i18n';

/**
 * The resident hands over the slip: its number typed (or scanned) finds the booking, and the day view
 * turns to its station and day with the booking marked.
 */
export function FindByNumber({ onFound }: { onFound(found: { id: string; stationId: string; day: string }): void }) {
  const { message } = App.useApp();
  const find = useApiMutation('appointments.findByNumber');
  const [q, setQ] = useState('');
  return (
    <Input.Search
      size="large"
      style={{ width: 240 }}
      aria-label={t('apptDay.findNumber')}
      placeholder={t('apptDay.findNumber')}
      value={q}
      loading={find.isPending}
      onChange={(e) => setQ(e.target.value)}
      onSearch={(v) => {
        const number = v.trim().toUpperCase();
        if (!number) return;
        find.mutate(
          { number },
          {
            onSuccess: (a) => {
              setQ('');
              onFound({ id: a.id, stationId: a.stationId, day: a.day });
            },
            onError: (e) => showApiError(e, (text) => void message.error(text)),
          },
        );
      }}
    />
  );
}
