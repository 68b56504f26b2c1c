import { Tag, Tooltip } from 'antd';
import { SwapOutlined, ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { t } from '../../../i18n';
import { closedLabel, dayHeading, type Cell, type StationPlan, type WeekPlan } from '../rotaWords';

/**
 * One station's week: shifts as rows, days as columns, names as tags. A gap is a red tag (缺 n 人),
 * a person on two overlapping shifts is orange with the other shift named. An admin clicks a cell
 * to add or remove people.
 */
export function StationGrid(props: { plan: WeekPlan; station: StationPlan; today: string; onCell?: (cell: Cell) => void }) {
  const { plan, station, today } = props;
  const cells = new Map(station.cells.map((c) => [`${c.day}|${c.shiftId}`, c]));
  if (station.shifts.length === 0) {
    return (
      <section className="rota-station">
        <h3>{station.stationName}</h3>
        <p className="rota-muted">{t('rota.grid.noShifts')}</p>
      </section>
    );
  }
  return (
    <section className="rota-station" data-station={station.stationName}>
      <h3>{station.stationName}</h3>
      <table className="rota-grid">
        <thead>
          <tr>
            <th className="rota-shift-col">{t('rota.grid.shift')}</th>
            {plan.days.map((d, i) => {
              const h = dayHeading(d.date);
              return (
                <th key={d.date} className={d.date === today ? 'rota-today' : undefined}>
                  <div className="rota-weekday">{h.weekday}</div>
                  <div className="rota-date">
                    {h.date}
                    {d.calendar === 'holiday' && <Tag color="red" className="rota-day-tag">{t('rota.day.holiday')}</Tag>}
                    {d.calendar === 'workday' && <Tag color="blue" className="rota-day-tag">{t('rota.day.workday')}</Tag>}
                  </div>
                  {station.closed[i] && station.closed[i] !== 'holiday' && <div className="rota-muted">{closedLabel(station.closed[i])}</div>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {station.shifts.map((sh) => (
            <tr key={sh.id}>
              <th className="rota-shift-col">
                <div className="rota-shift-name">{sh.name}</div>
                <div className="rota-muted">
                  {sh.start}–{sh.end}
                </div>
                <div className="rota-muted">{t('rota.grid.min', { n: sh.minStaff })}</div>
              </th>
              {plan.days.map((d, i) => {
                const cell = cells.get(`${d.date}|${sh.id}`);
                return cell ? (
                  <CellView key={d.date} cell={cell} shiftName={sh.name} closed={station.closed[i] ?? null} onClick={props.onCell} />
                ) : (
                  <td key={d.date} />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CellView(props: { cell: Cell; shiftName: string; closed: 'closedDate' | 'holiday' | 'weekday' | null; onClick?: (cell: Cell) => void }) {
  const { cell, onClick } = props;
  const clickable = onClick && (cell.open || cell.assignees.length > 0);
  const className = ['rota-cell', cell.open ? '' : 'rota-cell-closed', cell.gap > 0 ? 'rota-cell-gap' : '', clickable ? 'rota-cell-click' : ''].join(' ');
  return (
    <td
      className={className}
      data-day={cell.day}
      data-shift={props.shiftName}
      role={clickable ? 'button' : undefined}
      tabIndex={clickable ? 0 : undefined}
      onClick={clickable ? () => onClick(cell) : undefined}
      onKeyDown={clickable ? (e) => (e.key === 'Enter' || e.key === ' ') && onClick(cell) : undefined}
    >
      {cell.assignees.map((a) => (
        <div key={a.assignmentId} className="rota-person">
          <Tag
            color={a.conflict ? 'orange' : a.source === 'swap' ? 'geekblue' : 'default'}
            className="rota-name"
            icon={a.conflict ? <WarningOutlined /> : a.swapPending ? <ClockCircleOutlined /> : a.source === 'swap' ? <SwapOutlined /> : undefined}
          >
            {a.name}
          </Tag>
          {a.conflict && (
            <div className="rota-conflict">
              {t('rota.grid.conflict', { station: a.conflict.stationName, shift: a.conflict.shiftName, time: `${a.conflict.start}–${a.conflict.end}` })}
            </div>
          )}
          {a.swapPending && (
            <Tooltip title={t('rota.grid.swapPendingHint')}>
              <div className="rota-muted">{t('rota.grid.swapPending')}</div>
            </Tooltip>
          )}
        </div>
      ))}
      {cell.gap > 0 && (
        <Tag color="red" className="rota-gap">
          {t('rota.grid.gap', { n: cell.gap })}
        </Tag>
      )}
      {!cell.open && cell.assignees.length === 0 && <span className="rota-muted">{props.closed === 'holiday' ? t('rota.closed.holiday') : '—'}</span>}
    </td>
  );
}
