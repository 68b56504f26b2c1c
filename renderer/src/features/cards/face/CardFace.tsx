import { QRCode } from 'antd';
import type { CardFace as Face } from '../../../../../shared/contract/cards';
import { formatCardNumber } from '../../../../../shared/rules/cardNumber';
import { chineseDate } from '../../../components/format';
import { t } from '../../../i18n';
import { benefitLabel } from '../cardLabels';
import './cardFace.css';

/**
 * The card face at its real size, CR80 (85.6 × 54 mm): the centre, the number, the masked name, the
 * benefit, the validity and the signed QR code. Sizes are in millimetres so screen and paper agree.
 * The QR carries its own quiet zone (4 modules) and is 25 mm across, so a cheap scanner reads it.
 */
export function CardFace({ face }: { face: Face }) {
  return (
    <div className="card-face" data-testid="card-face">
      <div className="card-face-band">
        <span className="card-face-centre">{face.centreName}</span>
        <span className="card-face-title">{t('cardFace.title')}</span>
      </div>
      <div className="card-face-body">
        <div className="card-face-info">
          <div className="card-face-no" data-testid="card-face-number">{formatCardNumber(face.cardNo)}</div>
          <div className="card-face-row">
            <span className="card-face-label">{t('cardFace.holder')}</span>
            <span className="card-face-name">{face.maskedName}</span>
          </div>
          <div className="card-face-row">
            <span className="card-face-label">{t('cardFace.benefit')}</span>
            <span className="card-face-benefit">{benefitLabel(face.benefit)}</span>
            {face.delivery && <span className="card-face-delivery">{t('cardFace.delivery')}</span>}
          </div>
          <div className="card-face-row card-face-validity">
            <span className="card-face-label">{t('cardFace.validity')}</span>
            <span>{t('cardFace.validRange', { from: chineseDate(face.validFrom), to: chineseDate(face.validTo) })}</span>
          </div>
        </div>
        <div className="card-face-qr" data-qr-text={face.qrText}>
          <QRCode type="svg" value={face.qrText} errorLevel="M" marginSize={4} size={96} bordered={false} color="#000000" bgColor="#ffffff" />
          <div className="card-face-qr-hint">{t('cardFace.scanHint')}</div>
        </div>
      </div>
    </div>
  );
}
