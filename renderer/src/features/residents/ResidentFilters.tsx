import type { RefObject } from 'react';
import { Input, Select, Space, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { RESIDENT_TAGS } from '../../../../shared/contract';
import { t } from '../../i18n';
import { GridNodeSelect } from '../grid/GridNodeSelect';

interface Props {
  q: string;
  gridNodeId: string | undefined;
  tag: string | undefined;
  searchRef: RefObject<InputRef | null>;
  onQ: (q: string) => void;
  onGridNode: (id: string | undefined) => void;
  onTag: (tag: string | undefined) => void;
  onEnter: () => void;
}

export function ResidentFilters({ q, gridNodeId, tag, searchRef, onQ, onGridNode, onTag, onEnter }: Props) {
  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }}>
      <Input
        ref={searchRef}
        autoFocus
        allowClear
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('residentsPage.searchPlaceholder')}
        aria-label={t('residentsPage.search')}
        value={q}
        onChange={(e) => onQ(e.target.value)}
        onPressEnter={onEnter}
        style={{ width: 420 }}
        maxLength={40}
      />
      <GridNodeSelect value={gridNodeId} onChange={onGridNode} placeholder={t('residentsPage.filterGrid')} style={{ width: 260 }} size="large" />
      <Select
        allowClear
        value={tag}
        onChange={(v: string | undefined) => onTag(v)}
        placeholder={t('residentsPage.filterTag')}
        options={RESIDENT_TAGS.map((x) => ({ value: x, label: x }))}
        style={{ width: 180 }}
        size="large"
        aria-label={t('residentsPage.filterTag')}
      />
    </Space>
  );
}
