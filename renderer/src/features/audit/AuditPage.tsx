import { useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntryRow } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { formatDateTime } from '../settings/format';
import AuditDetail from './AuditDetail';
import { chainVerdict } from './chainText';
import { ACTION_LABELS, TARGET_LABELS, actionLabel } from './labels';
import { useTargetNames } from './useTargetNames';
import { nowrap } from '../settings/tableCells';

type Row = AuditEntryRow;

/** Actions that touch personal data or the system: shown in a warning colour so they stand out. */
const SENSITIVE = /reveal|export|void|restore|lockout|resetPassword|import|remove/;

const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

function nameInDetail(detail: string | null): string | undefined {
  if (!detail) return undefined;
  try {
    const d = JSON.parse(detail) as Record<string, unknown>;
    const n = d.name ?? d.username;
    return typeof n === 'string' ? n : undefined;
  } catch {
    return undefined;
  }
}

function ChainResult({ verdict, onClose }: { verdict: ReturnType<typeof chainVerdict>; onClose: () => void }) {
  return (
    <Alert
      data-testid="audit-chain-result"
      type={verdict.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      title={verdict.title}
      description={verdict.description}
      style={{ marginBottom: 16 }}
    />
  );
}

/** 审计日志 (admin only): who did what and when, newest first, read-only. */
export default function AuditPage() {
  const [action, setAction] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const names = useTargetNames();
  const verify = useApiMutation('audit.verifyChain');
  const log = useApiQuery(
    'audit.list',
    { action, limit: pageSize, offset: (page - 1) * pageSize },
    { placeholderData: keepPreviousData },
  );

  const target = (r: Row) => {
    const type = r.targetType ? (TARGET_LABELS[r.targetType] ?? r.targetType) : '';
    const name = names.target(r.targetType, r.targetId) ?? nameInDetail(r.detail);
    if (name) return `${type}：${name}`;
    if (r.targetId)
      return (
        <Tooltip title={`编号 ${r.targetId}`}>
          <span>
            {type} <Typography.Text type="secondary">#{r.targetId.slice(-6)}</Typography.Text>
          </span>
        </Tooltip>
      );
    return type || '—';
  };

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        审计日志
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} align="center" wrap>
          <Flex gap={8} align="center">
            <label htmlFor="audit-action">操作类型</label>
            <Select<string>
              id="audit-action"
              value={action}
              onChange={(v) => {
                setAction(v ?? undefined);
                setPage(1);
              }}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部操作"
              options={ACTION_OPTIONS}
              style={{ width: 220 }}
              size="large"
            />
          </Flex>
          <Typography.Text type="secondary" style={{ flex: 1 }}>
            查看完整证件号和电话、导出、作废、设置修改等都会记在这里，记录不能修改或删除；“校验审计日志”可查出有没有人绕过本程序改过记录。
          </Typography.Text>
          <Button
            size="large"
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            // the check writes its own entry: show it
            onClick={() => verify.mutate({}, { onSettled: () => void log.refetch() })}
          >
            校验审计日志
          </Button>
          <Button size="large" icon={<ReloadOutlined />} onClick={() => void log.refetch()} loading={log.isFetching}>
            刷新
          </Button>
        </Flex>
      </Card>
      {verify.data && <ChainResult verdict={chainVerdict(verify.data)} onClose={() => verify.reset()} />}
      {verify.isError && <Alert type="error" showIcon title={failureText(verify.error)} style={{ marginBottom: 16 }} />}
      {log.isError && <Alert type="error" showIcon title={failureText(log.error)} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="id"
        loading={log.isPending || log.isPlaceholderData}
        dataSource={log.data?.rows ?? []}
        locale={{ emptyText: action ? '没有这类操作的记录' : '还没有记录' }}
        pagination={{
          current: page,
          pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, size) => {
            if (size !== pageSize) {
              setPageSize(size);
              setPage(1);
            } else setPage(p);
          },
        }}
        columns={[
          {
            title: '时间',
            ...nowrap,
            dataIndex: 'at',
            width: 200,
            render: (at: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
          },
          {
            title: '操作人',
            ...nowrap,
            dataIndex: 'username',
            width: 160,
            render: (u: string | null) => (u ? names.actor(u) : <Typography.Text type="secondary">系统</Typography.Text>),
          },
          {
            title: '操作',
            ...nowrap,
            dataIndex: 'action',
            width: 170,
            render: (a: string) => (
              <Tooltip title={a}>
                <Tag color={SENSITIVE.test(a) ? 'orange' : 'default'} style={{ fontSize: 14 }}>
                  {actionLabel(a)}
                </Tag>
              </Tooltip>
            ),
          },
          { title: '对象', key: 'target', width: 240, render: (_, r) => target(r) },
          { title: '详情', dataIndex: 'detail', render: (d: string | null, r) => <AuditDetail detail={d} names={names} targetType={r.targetType} /> },
        ]}
      />
    </div>
  );
}
