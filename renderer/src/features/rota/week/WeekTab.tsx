import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Spin, Tag } from 'antd';
import { CheckCircleOutlined, PrinterOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { mondayOf } from '../../../../../shared/rules/rota';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { chineseDateTime } from '../../../components/format';
import { useInvalidate } from '../../../components/useInvalidate';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { WallSheetModal } from '../print/WallSheetModal';
import type { WeekPlan } from '../rotaWords';
import { AssignDialog, type CellKey } from './AssignDialog';
import { FillDialog } from './FillDialog';
import { StationGrid } from './StationGrid';
import { WeekToolbar } from './WeekToolbar';

/** 值班表: a week of one station (or all), its gaps and conflicts, and the admin's planning buttons. */
export function WeekTab(props: { isAdmin: boolean }) {
  const { message } = App.useApp();
  const today = shanghaiDate(useNow(60_000));
  const thisWeek = mondayOf(today);
  const [params, setParams] = useSearchParams();
  const week = params.get('week') ?? thisWeek;
  const stations = useApiQuery('stations.list', {});
  const activeStations = (stations.data ?? []).filter((s) => s.active);
  const stationParam = params.get('station');
  const stationId = stationParam === 'all' ? null : (stationParam ?? activeStations[0]?.id ?? null);
  const setParam = (key: string, value: string) =>
    setParams(
      (p) => {
        p.set(key, value);
        return p;
      },
      { replace: true },
    );
  const plan = useApiQuery('rota.week', stationId ? { week, stationId } : { week }, { enabled: stations.isSuccess });
  const publish = useApiMutation('rota.publish');
  const invalidate = useInvalidate();
  const [cellAt, setCellAt] = useState<CellKey | null>(null);
  const [filling, setFilling] = useState(false);
  const [sheet, setSheet] = useState<WeekPlan | null>(null);
  const data = plan.data;
  const published = data?.status === 'published';

  return (
    <div className="rota-week">
      <div className="rota-bar">
        <WeekToolbar
          week={week}
          thisWeek={thisWeek}
          stationId={stationId}
          stations={stations.data ?? []}
          onWeek={(w) => setParam('week', w)}
          onStation={(id) => setParam('station', id ?? 'all')}
        />
        <Space wrap>
          {props.isAdmin && !published && (
            <Button size="large" icon={<ThunderboltOutlined />} onClick={() => setFilling(true)} data-testid="rota-fill">
              {t('rota.fill.button')}
            </Button>
          )}
          {props.isAdmin && data && !published && (
            <Popconfirm
              title={t('rota.publish.confirm')}
              description={data.gaps > 0 || data.conflicts > 0 ? t('rota.publish.withProblems', { gaps: data.gaps, conflicts: data.conflicts }) : undefined}
              okText={t('rota.publish.button')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                publish.mutate(
                  { week },
                  {
                    onSuccess: () => {
                      void message.success(t('rota.publish.done'));
                      invalidate('rota.');
                    },
                    onError: (e) => void message.error(failureText(e)),
                  },
                )
              }
            >
              <Button size="large" type="primary" icon={<CheckCircleOutlined />} loading={publish.isPending} data-testid="rota-publish">
                {t('rota.publish.button')}
              </Button>
            </Popconfirm>
          )}
          <Button size="large" icon={<PrinterOutlined />} disabled={!published} onClick={() => data && setSheet(data)} data-testid="rota-print">
            {t('rota.sheet.button')}
          </Button>
        </Space>
      </div>
      {plan.error && <Alert type="error" showIcon title={failureText(plan.error)} style={{ marginBottom: 12 }} />}
      {data && (
        <div className="rota-summary" data-testid="rota-summary">
          {published ? (
            <Tag color="green" className="rota-status">
              {t('rota.status.published')}
            </Tag>
          ) : (
            <Tag color="gold" className="rota-status">
              {t('rota.status.draft')}
            </Tag>
          )}
          {published && data.publishedAt && <span className="rota-muted">{t('rota.status.publishedBy', { at: chineseDateTime(data.publishedAt), by: data.publishedBy ?? '' })}</span>}
          {data.gaps > 0 ? <Tag color="red" className="rota-count">{t('rota.summary.gaps', { n: data.gaps })}</Tag> : <Tag color="green" className="rota-count">{t('rota.summary.noGaps')}</Tag>}
          {data.conflicts > 0 && <Tag color="orange" className="rota-count">{t('rota.summary.conflicts', { n: data.conflicts })}</Tag>}
          {data.pendingSwaps > 0 && <Tag color="blue" className="rota-count">{t('rota.summary.swaps', { n: data.pendingSwaps })}</Tag>}
          {props.isAdmin && <span className="rota-muted">{t('rota.summary.clickHint')}</span>}
        </div>
      )}
      {plan.isLoading && <Spin size="large" />}
      {data?.stations.map((st) => (
        <StationGrid
          key={st.stationId}
          plan={data}
          station={st}
          today={today}
          onCell={props.isAdmin ? (c) => setCellAt({ stationId: st.stationId, day: c.day, shiftId: c.shiftId }) : undefined}
        />
      ))}
      {data && published && data.laterEdits.length > 0 && (
        <section className="rota-edits">
          <h3>{t('rota.edits.title')}</h3>
          <ul className="rota-list">
            {data.laterEdits.map((e, i) => (
              <li key={i}>
                <span className="rota-muted">{`${chineseDateTime(e.at)} ${e.userName}`}</span> {e.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data && <AssignDialog plan={data} at={cellAt} onClose={() => setCellAt(null)} />}
      <FillDialog open={filling} week={week} stationId={stationId} onClose={() => setFilling(false)} />
      <WallSheetModal plan={sheet} onClose={() => setSheet(null)} />
    </div>
  );
}
