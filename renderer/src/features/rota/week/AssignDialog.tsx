import { useState } from 'react';
import { Alert, Button, Modal, Select, Space, Tag } from 'antd';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { dayHeading, type WeekPlan } from '../rotaWords';

export interface CellKey {
  stationId: string;
  day: string;
  shiftId: string;
}

/** Add or remove people on one shift of one day. The station's own staff are listed first. */
export function AssignDialog(props: { plan: WeekPlan; at: CellKey | null; onClose(): void }) {
  const { plan, at } = props;
  const station = at ? plan.stations.find((s) => s.stationId === at.stationId) : undefined;
  const shift = station?.shifts.find((s) => s.id === at?.shiftId);
  const cell = station?.cells.find((c) => c.day === at?.day && c.shiftId === at?.shiftId);
  const staff = useApiQuery('staff.list', {});
  const assign = useApiMutation('rota.assign');
  const unassign = useApiMutation('rota.unassign');
  const invalidate = useInvalidate();
  const [pick, setPick] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setPick(null);
    setError(null);
    props.onClose();
  };
  const onIt = new Set(cell?.assignees.map((a) => a.staffId));
  const options = (staff.data ?? [])
    .filter((s) => s.active && !onIt.has(s.id))
    .sort((a, b) => Number(b.stationIds.includes(at?.stationId ?? '')) - Number(a.stationIds.includes(at?.stationId ?? '')))
    .map((s) => ({ value: s.id, label: s.stationIds.includes(at?.stationId ?? '') ? `${s.name}（${t('rota.assign.ownStation')}）` : s.name }));
  const done = () => {
    setError(null);
    invalidate('rota.', 'duty.');
  };
  const h = at ? dayHeading(at.day) : null;
  return (
    <Modal
      open={at !== null && cell !== undefined}
      onCancel={close}
      title={station && shift && h ? `${station.stationName} · ${h.weekday} ${h.date} · ${shift.name} ${shift.start}–${shift.end}` : ''}
      footer={<Button size="large" onClick={close}>{t('rota.assign.done')}</Button>}
      width={560}
      destroyOnHidden
    >
      {cell && (
        <div className="rota-assign" data-testid="rota-assign-dialog">
          {plan.status === 'published' && <Alert type="warning" showIcon title={t('rota.assign.published')} style={{ marginBottom: 12 }} />}
          <p className="rota-muted">{t('rota.assign.staffing', { n: cell.assignees.length, min: cell.minStaff })}</p>
          {cell.assignees.length === 0 && <p>{t('rota.assign.nobody')}</p>}
          {cell.assignees.map((a) => (
            <div key={a.assignmentId} className="rota-assign-row">
              <Tag color={a.conflict ? 'orange' : 'default'} className="rota-name">{a.name}</Tag>
              {a.conflict && <span className="rota-conflict">{t('rota.grid.conflict', { station: a.conflict.stationName, shift: a.conflict.shiftName, time: `${a.conflict.start}–${a.conflict.end}` })}</span>}
              <Button
                danger
                loading={unassign.isPending}
                onClick={() => unassign.mutate({ assignmentId: a.assignmentId }, { onSuccess: done, onError: (e) => setError(failureText(e)) })}
              >
                {t('rota.assign.remove')}
              </Button>
            </div>
          ))}
          {cell.open && (
            <Space.Compact style={{ width: '100%', marginTop: 16 }}>
              <Select
                size="large"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('rota.assign.pick')}
                value={pick}
                onChange={setPick}
                options={options}
                style={{ flex: 1 }}
                data-testid="rota-assign-pick"
              />
              <Button
                size="large"
                type="primary"
                disabled={!pick}
                loading={assign.isPending}
                onClick={() =>
                  pick &&
                  at &&
                  assign.mutate(
                    { day: at.day, shiftId: at.shiftId, staffId: pick },
                    {
                      onSuccess: () => {
                        setPick(null);
                        done();
                      },
                      onError: (e) => setError(failureText(e)),
                    },
                  )
                }
              >
                {t('rota.assign.add')}
              </Button>
            </Space.Compact>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        </div>
      )}
    </Modal>
  );
}
