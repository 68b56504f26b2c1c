import { useState } from 'react';
import { Card, DatePicker, Flex, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { DATE_FORMATS, formatDate, todayInShanghai, weekdayOf } from './format';

/** 计算工作日: from a date, N working days later — the due date of a request with that time limit. */
export default function WorkdayCalculator() {
  const [from, setFrom] = useState<Dayjs | null>(() => dayjs(todayInShanghai()));
  const [days, setDays] = useState<number | null>(5);
  const fromText = from?.format('YYYY-MM-DD') ?? '';
  const ready = fromText !== '' && days !== null && Number.isInteger(days) && days >= 0 && days <= 365;
  const result = useApiQuery('calendar.addWorkingDays', { from: fromText, days: days ?? 0 }, { enabled: ready });

  return (
    <Card size="small" title="计算工作日" style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        办理时限按工作日算：跳过周末和法定节假日，调休上班日照常计算。
      </Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <span>从</span>
        <DatePicker
          value={from}
          onChange={setFrom}
          format={DATE_FORMATS}
          allowClear={false}
          aria-label="起始日期"
          style={{ width: 190 }}
        />
        <span>起</span>
        <InputNumber
          value={days}
          onChange={(v) => setDays(v)}
          min={0}
          max={365}
          precision={0}
          aria-label="工作日天数"
          suffix="个工作日"
          style={{ width: 150 }}
        />
      </Flex>
      <div style={{ marginTop: 12, fontSize: 16, minHeight: 28 }} aria-live="polite">
        {!ready ? (
          <Typography.Text type="secondary">请选择日期并填写 0–365 的天数</Typography.Text>
        ) : result.isError ? (
          <Typography.Text type="danger">{failureText(result.error)}</Typography.Text>
        ) : result.data ? (
          <>
            到期日：
            <Typography.Text strong style={{ fontSize: 18 }}>
              {formatDate(result.data.date)}（{weekdayOf(result.data.date)}）
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">正在计算…</Typography.Text>
        )}
      </div>
    </Card>
  );
}
