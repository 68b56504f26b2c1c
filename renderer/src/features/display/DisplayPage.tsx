import { useEffect, useState, type CSSProperties } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DisplayState, EventPayload } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { usePublicQueueEvents } from '../queue/usePublicQueueEvents';
import { CallAnnouncer } from './announcer';
import { HallClock } from './HallClock';
import './display.css';

const KEY = ['display.state', {}];
/** How long a counter stays highlighted after a call. */
const FLASH_MS = 8_000;
const RECENT_SHOWN = 5;

/** The call as the event tells it, painted at once; the re-read that follows fills in the service. */
function withCall(state: DisplayState, call: EventPayload<'queue.called'>): DisplayState {
  return {
    ...state,
    counters: state.counters.map((c) =>
      c.number === call.counter ? { ...c, status: 'open', ticketNumber: call.ticketNumber, serviceName: c.ticketNumber === call.ticketNumber ? c.serviceName : null } : c,
    ),
    recentCalls: [{ ticketNumber: call.ticketNumber, counter: call.counter, at: call.at }, ...state.recentCalls],
  };
}

/** 叫号屏 (public, a TV across the hall): numbers per counter, recent calls, waiting counts; speaks each call. */
export default function DisplayPage() {
  const qc = useQueryClient();
  // the pushed events do the real work; this slow re-read only heals a missed one
  const state = useApiQuery('display.state', {}, { refetchInterval: 30_000, staleTime: 0 });
  const [flash, setFlash] = useState<Record<number, string>>({});
  const [connected, setConnected] = useState(true);
  const [announcer] = useState(() => new CallAnnouncer());
  const [soundBlocked, setSoundBlocked] = useState(() => announcer.needsGesture());
  useEffect(() => () => announcer.dispose(), [announcer]);

  usePublicQueueEvents({
    called: (call) => {
      qc.setQueryData<DisplayState>(KEY, (old) => (old ? withCall(old, call) : old));
      void qc.invalidateQueries({ queryKey: KEY });
      setFlash((f) => ({ ...f, [call.counter]: call.callId }));
      setTimeout(() => setFlash((f) => (f[call.counter] === call.callId ? omit(f, call.counter) : f)), FLASH_MS);
      announcer.announce(call);
    },
    changed: () => void qc.invalidateQueries({ queryKey: KEY }),
    connection: (up) => {
      setConnected(up);
      if (up) void qc.invalidateQueries({ queryKey: KEY });
    },
  });

  const d = state.data;
  const counters = d?.counters ?? [];
  const columns = counters.length > 4 ? 2 : 1;
  const rows = Math.max(1, Math.ceil(counters.length / columns));

  return (
    <div className="hall">
      <header className="hall-header">
        <div className="hall-centre">{d?.centreName ?? ''}</div>
        <HallClock />
      </header>
      <main className="hall-main">
        <section className="hall-counters" style={{ '--rows': rows, '--columns': columns } as CSSProperties}>
          {counters.map((c) => (
            <div
              key={c.number}
              data-testid={`display-counter-${c.number}`}
              className={`hall-counter hall-counter-${c.status}${c.ticketNumber ? '' : ' hall-counter-idle'}${flash[c.number] ? ' hall-counter-flash' : ''}`}
            >
              <div className="hall-counter-name">{t('displayPage.counter', { counter: c.number })}</div>
              <div className="hall-counter-number" key={flash[c.number] ?? 'still'} data-testid="display-number">
                {c.status === 'closed' ? t('displayPage.closed') : (c.ticketNumber ?? (c.status === 'paused' ? t('displayPage.paused') : t('displayPage.idle')))}
              </div>
              <div className="hall-counter-service">{c.status !== 'closed' && c.ticketNumber ? (c.serviceName ?? '') : ''}</div>
            </div>
          ))}
        </section>
        <aside className="hall-side">
          <section className="hall-panel">
            <h2>{t('displayPage.recent')}</h2>
            {d && d.recentCalls.length === 0 && <div className="hall-empty">{t('displayPage.recentEmpty')}</div>}
            <ol className="hall-recent" data-testid="display-recent">
              {d?.recentCalls.slice(0, RECENT_SHOWN).map((r, i) => (
                <li key={`${r.at}-${r.ticketNumber}-${i}`}>
                  <span className="hall-recent-number">{r.ticketNumber}</span>
                  <span className="hall-recent-counter">{t('displayPage.counter', { counter: r.counter })}</span>
                </li>
              ))}
            </ol>
          </section>
          <section className="hall-panel">
            <h2>{t('displayPage.waitingTitle')}</h2>
            {d && d.waiting.length === 0 && <div className="hall-empty">{t('displayPage.waitingEmpty')}</div>}
            <ul className="hall-waiting" data-testid="display-waiting" style={{ '--lines': Math.max(5, d?.waiting.length ?? 0) } as CSSProperties}>
              {d?.waiting.map((w) => (
                <li key={w.prefix + w.serviceName}>
                  <span className="hall-waiting-prefix">{w.prefix}</span>
                  <span className="hall-waiting-name">{w.serviceName}</span>
                  <span className="hall-waiting-count">{t('displayPage.waitingCount', { count: w.count })}</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </main>
      <footer className="hall-footer">
        {!connected || state.error ? <span className="hall-offline">{state.error && !d ? t('displayPage.loadFailed') : t('displayPage.offline')}</span> : t('displayPage.footer')}
      </footer>
      {soundBlocked && (
        <button
          type="button"
          className="hall-sound"
          onClick={() => {
            announcer.unlock();
            setSoundBlocked(false);
          }}
        >
          {t('displayPage.enableSound')}
        </button>
      )}
    </div>
  );
}

function omit(f: Record<number, string>, key: number): Record<number, string> {
  const rest = { ...f };
  delete rest[key];
  return rest;
}
