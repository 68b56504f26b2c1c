import { memo } from 'react';
import { Radio } from 'antd';

export interface Choice {
  value: string;
  label: string;
  sub?: string;
}

interface Props {
  testId: string;
  label: string;
  choices: readonly Choice[];
  value: string | null;
  onChange(value: string): void;
}

/** A row of big buttons to pick one of a few things (the service, the station). */
export const ChoiceButtons = memo(function ChoiceButtons({ testId, label, choices, value, onChange }: Props) {
  return (
    <Radio.Group
      className="appt-step-choices"
      id={testId}
      aria-label={label}
      optionType="button"
      buttonStyle="solid"
      value={value}
      onChange={(e) => onChange(e.target.value as string)}
    >
      {choices.map((c) => (
        <Radio.Button key={c.value} value={c.value}>
          <span className="appt-choice-label">{c.label}</span>
          {c.sub && <span className="appt-choice-sub">{c.sub}</span>}
        </Radio.Button>
      ))}
    </Radio.Group>
  );
});
