import { useState } from 'react';
import { Alert, Button, Modal, Radio, Space } from 'antd';
import type { Output } from '../../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';

type FillResult = Output<'rota.fillFromTemplate'>;

/**
 * 按模板排班: pick a template (of the station shown, or any). Filling again replaces what the template
 * put there before and keeps manual changes; people already elsewhere at that time are skipped.
 */
export function FillDialog(props: { open: boolean; week: string; stationId: string | null; onClose(): void }) {
  const templates = useApiQuery('rota.templates.list', props.stationId ? { stationId: props.stationId } : {}, { enabled: props.open });
  const fill = useApiMutation('rota.fillFromTemplate');
  const invalidate = useInvalidate();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [result, setResult] = useState<FillResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const active = (templates.data?.templates ?? []).filter((x) => x.active);
  const chosen = templateId ?? (active.length === 1 ? active[0]!.id : null);
  const close = () => {
    setResult(null);
    setError(null);
    setTemplateId(null);
    props.onClose();
  };
  return (
    <Modal
      open={props.open}
      onCancel={close}
      title={t('rota.fill.title')}
      destroyOnHidden
      footer={
        result ? (
          <Button size="large" type="primary" onClick={close}>
            {t('rota.assign.done')}
          </Button>
        ) : (
          <Space>
            <Button size="large" onClick={close}>{t('common.cancel')}</Button>
            <Button
              size="large"
              type="primary"
              disabled={!chosen}
              loading={fill.isPending}
              onClick={() =>
                chosen &&
                fill.mutate(
                  { week: props.week, templateId: chosen },
                  {
                    onSuccess: (r) => {
                      setResult(r);
                      invalidate('rota.');
                    },
                    onError: (e) => setError(failureText(e)),
                  },
                )
              }
            >
              {t('rota.fill.go')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <div data-testid="rota-fill-result">
          <Alert type="success" showIcon title={t('rota.fill.done', { added: result.added, removed: result.removed })} />
          {result.skipped.length > 0 && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={t('rota.fill.skipped', { n: result.skipped.length })}
              description={
                <ul className="rota-list">
                  {result.skipped.map((s, i) => (
                    <li key={i}>{`${s.day} ${s.shiftName} ${s.name}：${s.reason}`}</li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      ) : (
        <>
          <p>{t('rota.fill.hint')}</p>
          {active.length === 0 && !templates.isLoading && <Alert type="info" showIcon title={t('rota.fill.none')} />}
          <Radio.Group value={chosen} onChange={(e) => setTemplateId(e.target.value as string)}>
            <Space orientation="vertical">
              {active.map((x) => (
                <Radio key={x.id} value={x.id} style={{ fontSize: 16 }}>
                  {`${x.stationName} · ${x.name}（${t(`rota.kind.${x.kind}`)}，${x.members.length} 人）`}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        </>
      )}
    </Modal>
  );
}
