import { Button, Modal, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { t } from '../../../i18n';
import type { WeekPlan } from '../rotaWords';
import { printWallSheet } from './printWallSheet';
import { WallSheet } from './WallSheet';

/** A preview of the wall sheets (one per station shown) and the print button. */
export function WallSheetModal(props: { plan: WeekPlan | null; onClose(): void }) {
  const stations = props.plan?.stations.filter((s) => s.shifts.length > 0) ?? [];
  return (
    <Modal
      open={props.plan !== null}
      onCancel={props.onClose}
      width={900}
      title={t('rota.sheet.preview')}
      centered
      footer={
        <Space>
          <Button size="large" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            size="large"
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => props.plan && void printWallSheet(props.plan, stations.map((s) => s.stationId))}
            data-testid="rota-sheet-print"
          >
            {stations.length > 1 ? t('rota.sheet.printN', { n: stations.length }) : t('rota.sheet.print')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <div className="wall-preview" data-testid="rota-sheet-preview">
        {props.plan && stations.map((s) => <WallSheet key={s.stationId} plan={props.plan!} station={s} />)}
      </div>
    </Modal>
  );
}
