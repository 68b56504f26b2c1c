import { QRCode } from 'antd';
import { t } from '../../i18n';
import './badge.css';

export interface BadgeData {
  centreName: string;
  name: string;
  version: number;
  code: string;
}

/** A staff badge at card size (85.6 × 54 mm): centre, name and the signed QR the station scans. */
export function BadgeFace({ badge }: { badge: BadgeData }) {
  return (
    <div className="badge-face" data-testid="badge-face">
      <div className="badge-face-band">
        <span className="badge-face-centre">{badge.centreName}</span>
        <span className="badge-face-title">{t('badge.card')}</span>
      </div>
      <div className="badge-face-body">
        <div className="badge-face-info">
          <div className="badge-face-name">{badge.name}</div>
          <div className="badge-face-version">{t('badge.version', { version: badge.version })}</div>
        </div>
        <div className="badge-face-qr" data-qr-text={badge.code}>
          <QRCode type="svg" value={badge.code} errorLevel="M" marginSize={4} size={96} bordered={false} color="#000000" bgColor="#ffffff" />
          <div className="badge-face-hint">{t('badge.hint')}</div>
        </div>
      </div>
    </div>
  );
}
