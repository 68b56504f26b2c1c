import { useState } from 'react';
import { Alert, Card, Empty, Flex, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { CalendarDay } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import CalendarImport from './CalendarImport';
import { dayText, groupHolidays, runText, type HolidayGroup } from './calendarGroups';
import { todayInShanghai } from './format';
import { calendarSourceLabel } from './labels';
import WorkdayCalculator from './WorkdayCalculator';

const thisYear = Number(todayInShanghai().slice(0, 4));

/** 节假日: the public holidays and 调休 working days every working-day count uses. */
export default function CalendarTab() {
  const [year, setYear] = useState(thisYear);
  const [view, setView] = useState<'groups' | 'days'>('groups');
  const cal = useApiQuery('calendar.list', { year });
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 4 + i);
  if (!years.includes(year)) years.push(year);

  const days = cal.data?.days ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Flex gap={16} align="center" wrap>
          <Space>
            <label htmlFor="calendar-year">年份</label>
            <Select<number>
              id="calendar-year"
              value={year}
              onChange={setYear}
              options={years.sort((a, b) => a - b).map((y) => ({ value: y, label: `${y} 年` }))}
              style={{ width: 120 }}
              size="large"
            />
          </Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'groups' | 'days')}
            options={[
              { value: 'groups', label: '按节日' },
              { value: 'days', label: '逐日列表' },
            ]}
          />
          {cal.data && (
            <Typography.Text type="secondary">
              数据来源：{calendarSourceLabel(cal.data.source)}
            </Typography.Text>
          )}
        </Flex>
      </Card>

      {cal.isError && <Alert type="error" showIcon title={failureText(cal.error)} />}
      {cal.data && days.length === 0 ? (
        <Empty
          description={
            <>
              {year} 年还没有节假日数据。
              <br />
              国务院一般在上一年年底公布放假安排，公布后可用下面的“导入节假日文件”导入。
              <br />
              没有数据的年份，计算工作日时只跳过周六、周日。
            </>
          }
        />
      ) : view === 'groups' ? (
        <Table<HolidayGroup>
          rowKey="name"
          loading={cal.isPending}
          dataSource={groupHolidays(days)}
          pagination={false}
          size="middle"
          columns={[
            { title: '节日', dataIndex: 'name', render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
            {
              title: '放假',
              key: 'off',
              render: (_, g) => (g.off.length ? g.off.map(runText).join('、') : '—'),
            },
            { title: '放假天数', dataIndex: 'offCount', render: (n: number) => (n ? `${n} 天` : '—') },
            {
              title: '调休上班',
              dataIndex: 'workdays',
              render: (w: string[]) =>
                w.length ? (
                  <Space size={[4, 4]} wrap>
                    {w.map((d) => (
                      <Tag key={d} color="orange" style={{ fontSize: 14 }}>
                        {dayText(d)}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">无</Typography.Text>
                ),
            },
          ]}
        />
      ) : (
        <Table<CalendarDay>
          rowKey="date"
          loading={cal.isPending}
          dataSource={days}
          pagination={false}
          size="small"
          columns={[
            { title: '日期', dataIndex: 'date', render: (d: string) => `${d.slice(0, 4)}年${dayText(d)}` },
            {
              title: '安排',
              dataIndex: 'kind',
              render: (k: CalendarDay['kind']) =>
                k === 'holiday' ? <Tag color="green">放假</Tag> : <Tag color="orange">调休上班</Tag>,
            },
            { title: '名称', dataIndex: 'name' },
          ]}
        />
      )}

      <Card size="small" title="更新节假日">
        <CalendarImport onImported={(ys) => ys[0] !== undefined && setYear(ys[0])} />
      </Card>
      <WorkdayCalculator />
    </Space>
  );
}
