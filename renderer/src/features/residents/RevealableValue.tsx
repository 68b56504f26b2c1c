import { useEffect, useState } from 'react';
import { App, Button, Space } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { t } from '../../i18n';

export const REVEAL_SECONDS = 30;

interface Props {
  residentId: string;
  field: 'idNumber' | 'phone';
  masked: string | null;
  canReveal: boolean;
}

/** A masked ID number or phone; 显示 fetches the full value (written to the audit log) and hides it again after 30 s. */
export function RevealableValue({ residentId, field, masked, canReveal }: Props) {
  const { message } = App.useApp();
  const reveal = useApiMutation('residents.reveal');
  const [revealed, setRevealed] = useState<{ value: string; until: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!revealed) return;
    const timer = setInterval(() => {
      const n = Date.now();
      if (n >= revealed.until) setRevealed(null);
      else setNow(n);
    }, 1000);
    return () => clearInterval(timer);
  }, [revealed]);

  const full = revealed?.value ?? null;
  const secondsLeft = revealed ? Math.max(0, Math.ceil((revealed.until - now) / 1000)) : 0;

  if (!masked) return <span style={{ color: 'var(--ant-color-text-tertiary)' }}>{t('common.none')}</span>;

  const show = () =>
    reveal.mutate(
      { id: residentId, field },
      {
        onSuccess: ({ value }) => {
          const n = Date.now();
          setNow(n);
          setRevealed({ value: value ?? '', until: n + REVEAL_SECONDS * 1000 });
        },
        onError: (err) => showApiError(err, (text) => message.error(text)),
      },
    );

  return (
    <Space wrap size="small">
      <span className="masked-value" data-testid={`${field}-value`}>
        {full ?? masked}
      </span>
      {full !== null && <span style={{ color: 'var(--ant-color-text-secondary)', fontSize: 14 }}>{t('reveal.hidesIn', { seconds: secondsLeft })}</span>}
      {canReveal &&
        (full === null ? (
          <Button size="small" icon={<EyeOutlined />} loading={reveal.isPending} onClick={show} aria-label={t(`reveal.show.${field}`)}>
            {t('reveal.show')}
          </Button>
        ) : (
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => setRevealed(null)}>
            {t('reveal.hide')}
          </Button>
        ))}
    </Space>
  );
}
