import { Timeline } from 'antd';
import type { RequestDetail } from '../../../../shared/contract';
import { chineseDateTime } from '../../components/format';
import { t } from '../../i18n';

type Step = RequestDetail['steps'][number];

const STEP_COLORS: Record<Step['action'], string> = {
  received: 'blue',
  assigned: 'blue',
  rerouted: 'blue',
  started: 'orange',
  resolved: 'green',
  feedback: 'green',
  reopened: 'red',
  closed: 'gray',
  voided: 'gray',
  county_update: 'purple',
};

/** Who did what and when, oldest first: the request's whole history. */
export function RequestSteps({ steps }: { steps: Step[] }) {
  return (
    <Timeline
      data-testid="request-steps"
      items={steps.map((s, i) => ({
        key: i,
        color: STEP_COLORS[s.action],
        content: (
          <div className="request-step">
            <div>
              <strong>{t(`requestStep.${s.action}`)}</strong>
              <span style={{ marginInlineStart: 8 }}>{s.userName}</span>
              <span style={{ marginInlineStart: 8, color: 'var(--ant-color-text-secondary)', fontSize: 14 }}>{chineseDateTime(s.at)}</span>
            </div>
            {s.note && <div style={{ whiteSpace: 'pre-wrap', color: 'var(--ant-color-text-secondary)' }}>{s.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
