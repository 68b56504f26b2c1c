import { useCallback, useState } from 'react';
import { Alert, App, Button, Empty, Select, Tag, Typography } from 'antd';
import type { PunchResult } from '../../../../shared/contract/duty';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { appErrorOf, failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { clockText, STATE_COLORS, staffIdOfBadge, stateText } from './dutyWords';
import { PinPad } from './PinPad';
import { PunchDone } from './PunchDone';
import { StationClock } from './StationClock';
import { useBadgeScanner } from './useBadgeScanner';
import { useStationChoice } from './useStationChoice';
import './checkin.css';

interface Chosen {
  staffId: string;
  name: string;
}

/** 签到签退: the station's machine — tap your name and type your PIN, or scan your badge. */
export default function CheckinPage() {
  const [stationId, setStationId] = useStationChoice();
  const stations = useApiQuery('stations.list', {});
  const known = stations.data?.some((s) => s.id === stationId && s.active);
  if (!stationId || (stations.data && !known)) {
    return (
      <div className="checkin-page">
        <Typography.Title level={2}>{t('checkin.chooseStation')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('checkin.chooseStationHint')}</Typography.Paragraph>
        <Select
          size="large"
          style={{ width: 360 }}
          data-testid="checkin-station"
          loading={stations.isPending}
          placeholder={t('checkin.chooseStation')}
          options={(stations.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(id: string) => setStationId(id)}
        />
      </div>
    );
  }
  return <StationBoard stationId={stationId} onChangeStation={() => setStationId(null)} />;
}

function StationBoard({ stationId, onChangeStation }: { stationId: string; onChangeStation(): void }) {
  const { message } = App.useApp();
  const day = useApiQuery('duty.station', { stationId }, { refetchInterval: 30_000 });
  const checkIn = useApiMutation('duty.checkIn');
  const checkOut = useApiMutation('duty.checkOut');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [pinError, setPinError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<PunchResult | null>(null);
  const busy = checkIn.isPending || checkOut.isPending;

  const submitPin = (pin: string, action: 'in' | 'out') => {
    if (!chosen) return;
    const m = action === 'in' ? checkIn : checkOut;
    m.mutate(
      { stationId, staffId: chosen.staffId, pin },
      {
        onSuccess: (r) => {
          setChosen(null);
          setDone(r);
        },
        onError: (e) => {
          setPinError(failureText(e));
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  // One scan: 签退 when the badge's owner is in now at this station, else 签到 (and 签退 if they are in elsewhere).
  const onScan = useCallback(
    (badge: string) => {
      const staffId = staffIdOfBadge(badge);
      const d = day.data;
      const inHere =
        !!d &&
        (d.shifts.some((s) => s.people.some((p) => p.staffId === staffId && (p.state === 'in' || p.state === 'late'))) ||
          d.unscheduled.some((u) => u.staffId === staffId && u.status === 'open'));
      const show = (r: PunchResult) => setDone(r);
      const fail = (e: unknown) => void message.error({ content: `${t('checkin.scanFailed')}：${failureText(e)}`, duration: 6 });
      if (inHere) return checkOut.mutate({ stationId, badge }, { onSuccess: show, onError: fail });
      checkIn.mutate(
        { stationId, badge },
        {
          onSuccess: show,
          onError: (e) => {
            if (appErrorOf(e).key === 'duty.checkIn.already') checkOut.mutate({ stationId, badge }, { onSuccess: show, onError: fail });
            else fail(e);
          },
        },
      );
    },
    [day.data, checkIn, checkOut, stationId, message],
  );
  useBadgeScanner(onScan, chosen === null);

  const choose = (c: Chosen) => {
    setPinError(null);
    setAttempt((n) => n + 1);
    setChosen(c);
  };
  const d = day.data;

  return (
    <div className="checkin-page">
      <div className="checkin-head">
        <div>
          <div className="checkin-station" data-testid="checkin-station-name">{d?.stationName ?? ''}</div>
          <Typography.Text type="secondary" className="checkin-hint">{t('checkin.tapName')}</Typography.Text>
        </div>
        <StationClock />
      </div>
      {day.isError && <Alert type="error" showIcon title={failureText(day.error)} style={{ marginBottom: 16 }} />}
      {d && d.shifts.length === 0 && <Empty description={t('checkin.noShifts')} />}
      {d?.shifts.map((s) => (
        <section key={s.shiftId} className="checkin-shift">
          <h2 className="checkin-shift-title">{t('checkin.shift', { name: s.name, start: s.start, end: s.end })}</h2>
          <div className="checkin-tiles">
            {s.people.map((p) => (
              <button
                key={p.assignmentId}
                type="button"
                className={`checkin-tile checkin-tile-${p.state}`}
                data-testid={`checkin-person-${p.name}`}
                onClick={() => choose(p)}
              >
                <span className="checkin-tile-name">{p.name}</span>
                <Tag color={STATE_COLORS[p.state]} className="checkin-tile-state">
                  {stateText(p)}
                </Tag>
              </button>
            ))}
          </div>
        </section>
      ))}
      {d && d.unscheduled.length > 0 && (
        <section className="checkin-shift">
          <h2 className="checkin-shift-title">{t('checkin.unscheduled')}</h2>
          <div className="checkin-tiles">
            {d.unscheduled.map((u) => (
              <button key={`${u.staffId}-${u.inAt}`} type="button" className="checkin-tile checkin-tile-small" onClick={() => choose(u)}>
                <span className="checkin-tile-name">{u.name}</span>
                <Tag color={u.status === 'open' ? 'green' : u.status === 'missed_out' ? 'red' : 'blue'} className="checkin-tile-state">
                  {clockText(u.inAt)}–{u.outAt ? clockText(u.outAt) : u.status === 'missed_out' ? t('duty.state.missed') : ''}
                </Tag>
              </button>
            ))}
          </div>
        </section>
      )}
      {d && d.others.length > 0 && (
        <section className="checkin-shift">
          <h2 className="checkin-shift-title checkin-others-title">{t('checkin.others')}</h2>
          <div className="checkin-tiles">
            {d.others.map((o) => (
              <button key={o.staffId} type="button" className="checkin-tile checkin-tile-small" data-testid={`checkin-person-${o.name}`} onClick={() => choose(o)}>
                <span className="checkin-tile-name">{o.name}</span>
              </button>
            ))}
          </div>
        </section>
      )}
      <Button type="link" onClick={onChangeStation} className="checkin-change">
        {t('checkin.changeStation')}
      </Button>
      <PinPad name={chosen?.name ?? null} attempt={attempt} busy={busy} error={pinError} onSubmit={submitPin} onClose={() => setChosen(null)} />
      <PunchDone result={done} onClose={() => setDone(null)} />
    </div>
  );
}
