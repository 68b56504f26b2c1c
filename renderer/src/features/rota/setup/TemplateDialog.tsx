import { useState } from 'react';
import { Alert, App, DatePicker, Input, Modal, Radio, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Output } from '../../../../../shared/contract';
import { mondayOf } from '../../../../../shared/rules/rota';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { weekdayName } from '../rotaWords';

type Template = Output<'rota.templates.list'>['templates'][number];
type Shift = Output<'rota.shifts.list'>['shifts'][number];

/**
 * A template as a grid: weekdays across, the station's shifts down, in each cell the members who
 * work it in the anchor week. Rotating: every week after, each place passes to the next member.
 */
export function TemplateDialog(props: { stationId: string; shifts: Shift[]; template: Template | 'new' | null; thisWeek: string; onClose(): void }) {
  if (!props.template) return null;
  return <TemplateEditor key={props.template === 'new' ? 'new' : props.template.id} {...props} template={props.template} />;
}

function TemplateEditor(props: { stationId: string; shifts: Shift[]; template: Template | 'new'; thisWeek: string; onClose(): void }) {
  const { message } = App.useApp();
  const editing = props.template !== 'new' ? props.template : null;
  const staff = useApiQuery('staff.list', {});
  const save = useApiMutation('rota.templates.save');
  const invalidate = useInvalidate();
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<'repeat' | 'rotate'>(editing?.kind ?? 'rotate');
  const [anchorWeek, setAnchorWeek] = useState(editing?.anchorWeek ?? props.thisWeek);
  const [members, setMembers] = useState<string[]>(() => editing?.members.map((m) => m.staffId) ?? []);
  const [active, setActive] = useState(editing?.active ?? true);
  // cell key `${weekday}|${shiftId}` → staff ids (turned into positions on save)
  const [cells, setCells] = useState<Record<string, string[]>>(() => {
    const ids = editing?.members.map((m) => m.staffId) ?? [];
    return Object.fromEntries((editing?.cells ?? []).map((c) => [`${c.weekday}|${c.shiftId}`, c.positions.map((p) => ids[p]!).filter(Boolean)]));
  });
  const [error, setError] = useState<string | null>(null);
  const names = new Map((staff.data ?? []).map((s) => [s.id, s.name]));
  const shifts = props.shifts.filter((s) => s.active);
  const submit = () => {
    const list = Object.entries(cells)
      .map(([key, ids]) => {
        const [weekday, shiftId] = key.split('|');
        return { weekday: Number(weekday), shiftId: shiftId!, positions: ids.map((id) => members.indexOf(id)).filter((p) => p >= 0) };
      })
      .filter((c) => c.positions.length > 0 && shifts.some((s) => s.id === c.shiftId));
    save.mutate(
      { id: editing?.id, stationId: props.stationId, name, kind, anchorWeek, members, cells: list, active },
      {
        onSuccess: () => {
          void message.success(t('rota.template.saved'));
          invalidate('rota.');
          props.onClose();
        },
        onError: (e) => setError(failureText(e)),
      },
    );
  };
  const memberOptions = members.map((id) => ({ value: id, label: names.get(id) ?? '?' }));
  return (
    <Modal
      open
      title={editing ? t('rota.template.edit') : t('rota.template.new')}
      onCancel={props.onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ size: 'large', loading: save.isPending, disabled: !name.trim() }}
      cancelButtonProps={{ size: 'large' }}
      width={1240}
      centered
      destroyOnHidden
    >
      <div className="rota-template-form">
        <label className="rota-field">
          <span>{t('rota.template.name')}</span>
          <Input size="large" value={name} onChange={(e) => setName(e.target.value)} maxLength={30} style={{ width: 260 }} />
        </label>
        <label className="rota-field">
          <span>{t('rota.template.kind')}</span>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'repeat' | 'rotate')} optionType="button" buttonStyle="solid" size="large">
            <Radio.Button value="rotate">{t('rota.kind.rotate')}</Radio.Button>
            <Radio.Button value="repeat">{t('rota.kind.repeat')}</Radio.Button>
          </Radio.Group>
        </label>
        <label className="rota-field">
          <span>{t('rota.template.anchor')}</span>
          <DatePicker size="large" allowClear={false} value={dayjs(anchorWeek)} onChange={(d) => d && setAnchorWeek(mondayOf(d.format('YYYY-MM-DD')))} />
        </label>
        <label className="rota-field">
          <span>{t('rota.template.active')}</span>
          <Switch checked={active} onChange={setActive} />
        </label>
      </div>
      <p className="rota-muted">{kind === 'rotate' ? t('rota.template.rotateHint') : t('rota.template.repeatHint')}</p>
      <label className="rota-field">
        <span>{t('rota.template.members')}</span>
        <Select
          mode="multiple"
          size="large"
          value={members}
          onChange={(ids: string[]) => {
            setMembers(ids);
            setCells((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.filter((id) => ids.includes(id))])));
          }}
          showSearch={{ optionFilterProp: 'label' }}
          options={(staff.data ?? []).filter((s) => s.active || members.includes(s.id)).map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: '100%' }}
        />
      </label>
      {shifts.length === 0 ? (
        <Alert type="info" showIcon title={t('rota.template.noShifts')} />
      ) : (
        <table className="rota-grid rota-template-grid">
          <thead>
            <tr>
              <th className="rota-shift-col">{t('rota.grid.shift')}</th>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <th key={d}>{weekdayName(d)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shifts.map((sh) => (
              <tr key={sh.id}>
                <th className="rota-shift-col">
                  <div className="rota-shift-name">{sh.name}</div>
                  <div className="rota-muted">
                    {sh.start}–{sh.end}
                  </div>
                </th>
                {[1, 2, 3, 4, 5, 6, 7].map((d) => {
                  const key = `${d}|${sh.id}`;
                  const runs = sh.weekdays.includes(d);
                  return (
                    <td key={d} className={runs ? undefined : 'rota-cell-closed'}>
                      {runs ? (
                        <Select
                          mode="multiple"
                          variant="borderless"
                          value={cells[key] ?? []}
                          onChange={(ids: string[]) => setCells((c) => ({ ...c, [key]: ids }))}
                          options={memberOptions}
                          placeholder="+"
                          style={{ width: '100%' }}
                          maxTagCount={4}
                        />
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
