import { useNow } from '../../components/useNow';

const date = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });
const weekday = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', weekday: 'long' });
const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** The hall's clock: date and weekday, and the time to the second, in China time. */
export function HallClock() {
  const now = new Date(useNow(1000));
  return (
    <div className="hall-clock">
      <span className="hall-date">
        {date.format(now)} {weekday.format(now)}
      </span>
      <span className="hall-time">{time.format(now)}</span>
    </div>
  );
}
