import { Radio } from 'antd';
import { HANDLING_MODES } from '../../../../shared/contract';
import { modeHint, modeLabel, type HandlingMode } from './requestLabels';

interface Props {
  value?: HandlingMode;
  onChange?: (m: HandlingMode) => void;
  id?: string;
}

/** The five handling modes as big cards, each with one plain line of what it means. */
export function ModeCards({ value, onChange, id }: Props) {
  return (
    <Radio.Group id={id} className="mode-cards" value={value} onChange={(e) => onChange?.(e.target.value as HandlingMode)}>
      {HANDLING_MODES.map((m) => (
        <Radio key={m} value={m} className="mode-card" data-testid={`mode-${m}`}>
          <span className="mode-card-title">{modeLabel(m)}</span>
          <span className="mode-card-hint">{modeHint(m)}</span>
        </Radio>
      ))}
    </Radio.Group>
  );
}
