import { useState } from 'react';
import { Alert, Button, Collapse, Flex, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { useNotify } from './useNotify';

const EXAMPLE = `{
  "years": {
    "2027": {
      "holidays": { "2027-01-01": "元旦", "2027-02-06": "春节", "…": "…" },
      "workdays": { "2027-02-07": "春节调休", "…": "…" }
    }
  }
}`;

type Result = { ok: true; text: string } | { ok: false; text: string };

/** 导入节假日文件: a JSON file with whole years of holidays and 调休 workdays. */
export default function CalendarImport({ onImported }: { onImported(years: number[]): void }) {
  const notify = useNotify();
  const importFile = useApiMutation('calendar.import');
  const invalidate = useInvalidate();
  const [result, setResult] = useState<Result | null>(null);

  const run = async (file: File) => {
    setResult(null);
    let json: string;
    try {
      json = await file.text();
    } catch {
      setResult({ ok: false, text: `读不出文件“${file.name}”，请确认文件没有损坏。` });
      return;
    }
    importFile.mutate(
      { json },
      {
        onSuccess: (r) => {
          invalidate('calendar.');
          const text = `已从“${file.name}”导入 ${r.years.join('、')} 年的节假日安排，共 ${r.days} 天（放假和调休上班）。这些年份原有的数据已被替换。`;
          setResult({ ok: true, text });
          notify.success('节假日已导入');
          onImported(r.years);
        },
        onError: (e) => setResult({ ok: false, text: `“${file.name}”没有导入：${failureText(e)}。原有数据没有改动。` }),
      },
    );
  };

  return (
    <div>
      <Flex gap={12} align="center" wrap>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            void run(file);
            return false;
          }}
        >
          <Button size="large" icon={<UploadOutlined />} loading={importFile.isPending}>
            导入节假日文件
          </Button>
        </Upload>
        <Typography.Text type="secondary">国务院每年公布放假安排后，可导入县里下发的节假日文件（.json）。</Typography.Text>
      </Flex>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.ok ? '导入成功' : '导入失败'}
          description={result.text}
          closable={{ onClose: () => setResult(null) }}
        />
      )}
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 4 }}
        items={[
          {
            key: 'format',
            label: '文件格式说明',
            children: (
              <>
                <Typography.Paragraph>
                  一个文件可包含一年或几年；每一年要写全：<Typography.Text code>holidays</Typography.Text> 是放假的日子，
                  <Typography.Text code>workdays</Typography.Text> 是周末调休上班的日子。导入后，文件里这些年份的原有安排会被整年替换。
                </Typography.Paragraph>
                <pre style={{ background: '#f5f5f5', padding: 12, borderRadius: 6, margin: 0 }}>{EXAMPLE}</pre>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
