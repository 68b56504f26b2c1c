import { Button, Card, List } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { useQueueAction } from './useQueueAction';

/** 过号: today's missed numbers; a resident who comes back is put in the queue again. */
export function NoShowList({ canAct }: { canAct: boolean }) {
  const noShows = useApiQuery('queue.noShows', {});
  const back = useQueueAction('queue.returnTicket', (out) => t('queuePage.returnedMsg', { number: out.number }));
  const rows = noShows.data ?? [];

  return (
    <Card className="noshow-list" title={t('queuePage.noShowsTitle', { count: rows.length })} style={{ marginTop: 16 }} size="small">
      <List
        dataSource={rows}
        loading={noShows.isPending}
        locale={{ emptyText: noShows.error ? failureText(noShows.error) : t('queuePage.noShowsEmpty') }}
        style={{ maxHeight: 260, overflowY: 'auto' }}
        renderItem={(ticket) => (
          <List.Item
            actions={
              canAct
                ? [
                    <Button key="back" onClick={() => back.run({ ticketId: ticket.id })} disabled={back.pending}>
                      {t('queuePage.returnTicket')}
                    </Button>,
                  ]
                : []
            }
          >
            <span className="noshow-number">{ticket.number}</span>
            <span className="noshow-service">{ticket.serviceName}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}
