import { useState } from 'react';
import { Alert, Badge, Button, Space, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { OFFICE, TODO_LISTS } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { RequestDetailDrawer } from './RequestDetailDrawer';
import { RequestFormDialog } from './RequestFormDialog';
import { RequestTable } from './RequestTable';
import { storedCounter } from './storedCounter';
import './requests.css';

type TodoList = (typeof TODO_LISTS)[number];

/** 我的待办: what is mine, my counter's, overdue and due today; overdue in red on every list. */
export default function TodoPage() {
  const me = useMe();
  const office = OFFICE.includes(me.role);
  const [counter] = useState(storedCounter);
  const [list, setList] = useState<TodoList>('mine');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const counts = useApiQuery('requests.todoCounts', { counter });
  const rows = useApiQuery('requests.todo', { list, counter }, { enabled: list !== 'counter' || counter !== null });

  const label = (key: TodoList) => {
    const n = counts.data?.[key] ?? 0;
    const danger = key === 'overdue' && n > 0;
    return (
      <span data-testid={`todo-tab-${key}`}>
        {key === 'counter' && counter ? t('todo.counterN', { counter }) : t(`todo.${key}`)}
        <Badge count={n} showZero overflowCount={999} color={danger ? '#cf1322' : n > 0 ? '#2f6fb0' : '#bfbfbf'} style={{ marginInlineStart: 8 }} />
      </span>
    );
  };

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('todo.title')}</Typography.Title>
        {office && (
          <Space>
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('requestsPage.add')}
            </Button>
          </Space>
        )}
      </div>
      {(counts.data?.overdue ?? 0) > 0 && list !== 'overdue' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('todo.overdueBanner', { count: counts.data!.overdue })}
          action={
            <Button danger onClick={() => setList('overdue')}>
              {t('todo.showOverdue')}
            </Button>
          }
        />
      )}
      <Tabs
        activeKey={list}
        onChange={(k) => setList(k as TodoList)}
        size="large"
        items={TODO_LISTS.map((key) => ({ key, label: label(key) }))}
      />
      {list === 'counter' && counter === null ? (
        <Alert type="info" showIcon title={t('todo.noCounter')} />
      ) : (
        <>
          {rows.error && <Alert type="error" showIcon title={failureText(rows.error)} style={{ marginBottom: 16 }} />}
          <RequestTable rows={rows.data ?? []} loading={rows.isFetching && !rows.data} onOpen={(r) => setOpenId(r.id)} emptyText={t(`todo.empty.${list}`)} />
        </>
      )}
      <RequestDetailDrawer requestId={openId} onClose={() => setOpenId(null)} />
      <RequestFormDialog open={creating} onClose={() => setCreating(false)} onCreated={(r) => setOpenId(r.id)} />
    </div>
  );
}
