import { useEffect, useState } from 'react';
import { chineseDate } from '../../components/format';
import { clockText } from './dutyWords';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The big clock of the station's machine (Shanghai time). */
export function StationClock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const shanghai = new Date(now + 8 * 3600_000);
  return (
    <div className="station-clock">
      <div className="station-clock-time" data-testid="station-clock">{clockText(now, true)}</div>
      <div className="station-clock-date">
        {chineseDate(shanghai.toISOString().slice(0, 10))} 星期{WEEKDAYS[shanghai.getUTCDay()]}
      </div>
    </div>
  );
}
