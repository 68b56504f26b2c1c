import { useEffect, useEffectEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { PRIORITY_REASONS, type IssuedTicket } from '../../../../shared/contract/queue';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { printSlip } from '../queue/printSlip';
import { usePublicQueueEvents } from '../queue/usePublicQueueEvents';
import './kiosk.css';

type Reason = (typeof PRIORITY_REASONS)[number];
interface Service {
  id: string;
  name: string;
  prefix: string;
  waiting: number;
}

type Step =
  | { kind: 'services' }
  | { kind: 'priority'; service: Service }
  | { kind: 'done'; issued: IssuedTicket }
  | { kind: 'failed'; text: string };

/** Seconds a finished (or abandoned) screen stays before the kiosk is ready for the next person. */
const BACK_AFTER = { done: 10, failed: 10, priority: 30 } as const;

/** 取号机 (public, a touch screen in the hall): service → priority → the number, big, and printed. */
export default function KioskPage() {
  const qc = useQueryClient();
  const state = useApiQuery('kiosk.state', {}, { refetchInterval: 60_000, staleTime: 5_000 });
  const issue = useApiMutation('kiosk.issue');
  const [step, setStep] = useState<Step>({ kind: 'services' });
  usePublicQueueEvents({ changed: () => void qc.invalidateQueries({ queryKey: ['kiosk.state'] }) });

  const take = (service: Service, reason: Reason | null) =>
    issue.mutate(
      { serviceId: service.id, priorityReason: reason },
      {
        onSuccess: (issued) => {
          setStep({ kind: 'done', issued });
          // after the number has been painted: a print dialog would otherwise cover a blank screen
          setTimeout(() => void printSlip(issued, state.data?.slipPrinter ?? ''), 150);
        },
        onError: (e) => setStep({ kind: 'failed', text: failureText(e) }),
      },
    );

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <span className="kiosk-logo">连</span>
        <span className="kiosk-centre">{state.data?.centreName ?? ''}</span>
      </header>
      <main className="kiosk-main">
        {step.kind === 'services' && <ServiceStep services={state.data?.services} error={state.error ? t('kioskPage.loadFailed') : null} onPick={(service) => setStep({ kind: 'priority', service })} />}
        {step.kind === 'priority' && (
          <PriorityStep service={step.service} busy={issue.isPending} onPick={(reason) => take(step.service, reason)} onBack={() => setStep({ kind: 'services' })} />
        )}
        {step.kind === 'done' && <DoneStep issued={step.issued} onDone={() => setStep({ kind: 'services' })} />}
        {step.kind === 'failed' && <FailedStep text={step.text} onBack={() => setStep({ kind: 'services' })} />}
      </main>
    </div>
  );
}

function ServiceStep({ services, error, onPick }: { services: Service[] | undefined; error: string | null; onPick(s: Service): void }) {
  if (error) return <div className="kiosk-message" role="alert">{error}</div>;
  if (!services) return null;
  if (services.length === 0) return <div className="kiosk-message">{t('kioskPage.noServices')}</div>;
  return (
    <>
      <h1 className="kiosk-title">{t('kioskPage.choose')}</h1>
      <div className="kiosk-services">
        {services.map((s) => (
          <button key={s.id} type="button" className="kiosk-button kiosk-service" onClick={() => onPick(s)}>
            <span className="kiosk-prefix">{s.prefix}</span>
            <span className="kiosk-service-name">{s.name}</span>
            <span className="kiosk-waiting">{t('kioskPage.waiting', { count: s.waiting })}</span>
          </button>
        ))}
      </div>
    </>
  );
}

function PriorityStep({ service, busy, onPick, onBack }: { service: Service; busy: boolean; onPick(r: Reason | null): void; onBack(): void }) {
  useCountdown(BACK_AFTER.priority, onBack);
  return (
    <>
      <h1 className="kiosk-title">{t('kioskPage.priorityTitle')}</h1>
      <div className="kiosk-subtitle">
        <strong>
          {service.prefix} · {service.name}
        </strong>
        <div>{t('kioskPage.priorityHint')}</div>
      </div>
      <div className="kiosk-reasons">
        {PRIORITY_REASONS.map((r) => (
          <button key={r} type="button" className="kiosk-button kiosk-reason-button" disabled={busy} onClick={() => onPick(r)}>
            {t(`kioskPage.reason.${r}`)}
          </button>
        ))}
        <button type="button" className="kiosk-button kiosk-reason-button kiosk-none" disabled={busy} onClick={() => onPick(null)}>
          {busy ? t('kioskPage.issuing') : t('kioskPage.reason.none')}
        </button>
      </div>
      <button type="button" className="kiosk-button kiosk-back" disabled={busy} onClick={onBack}>
        {t('kioskPage.back')}
      </button>
    </>
  );
}

function DoneStep({ issued, onDone }: { issued: IssuedTicket; onDone(): void }) {
  const left = useCountdown(BACK_AFTER.done, onDone);
  return (
    <div className="kiosk-result" data-testid="kiosk-result">
      <div className="kiosk-subtitle">{t('kioskPage.yourNumber')}</div>
      <div className="kiosk-number">{issued.ticket.number}</div>
      <div className="kiosk-service-line">{issued.ticket.serviceName}</div>
      <div className="kiosk-ahead">{issued.ahead > 0 ? t('kioskPage.ahead', { count: issued.ahead }) : t('kioskPage.noneAhead')}</div>
      <div className="kiosk-hint">{t('kioskPage.takeSlip')}</div>
      <button type="button" className="kiosk-button kiosk-back" onClick={onDone}>
        {t('kioskPage.done')}（{t('kioskPage.backIn', { seconds: left })}）
      </button>
    </div>
  );
}

function FailedStep({ text, onBack }: { text: string; onBack(): void }) {
  const left = useCountdown(BACK_AFTER.failed, onBack);
  return (
    <div className="kiosk-result kiosk-failed" role="alert">
      <div className="kiosk-title">{t('kioskPage.failed')}</div>
      <div className="kiosk-reason">{text}</div>
      <div className="kiosk-hint">{t('kioskPage.tryAgain')}</div>
      <button type="button" className="kiosk-button kiosk-back" onClick={onBack}>
        {t('kioskPage.back')}（{left}）
      </button>
    </div>
  );
}

/** Seconds left before `onEnd` (the kiosk going back to its first screen); restarts with each new screen. */
function useCountdown(seconds: number, onEnd: () => void): number {
  const [left, setLeft] = useState(seconds);
  const end = useEffectEvent(onEnd);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = seconds - Math.floor((Date.now() - started) / 1000);
      if (remaining > 0) return setLeft(remaining);
      clearInterval(timer);
      end();
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}
