/** The store's week in Settings: usual hours, weekdays with other hours or closed, the break time, closed dates. */
import { useState } from 'react';
import type { StoreSettings } from '../../../contracts/http';

type Hours = Pick<StoreSettings, 'operatingHours' | 'weekdayHours' | 'closedWeekdays' | 'breakTime' | 'closedDates'>;
type Props = { hours: Hours; onChange: (patch: Partial<Hours>) => void };

const WEEKDAYS = ['일 · Sun', '월 · Mon', '화 · Tue', '수 · Wed', '목 · Thu', '금 · Fri', '토 · Sat'];

export function HoursFields({ hours, onChange }: Props) {
  const [newDate, setNewDate] = useState('');
  const setWeekday = (weekday: number, value: Hours['weekdayHours'][number]) => onChange({ weekdayHours: hours.weekdayHours.map((day, index) => (index === weekday ? value : day)) });
  const setClosed = (weekday: number, closed: boolean) =>
    onChange({ closedWeekdays: closed ? [...hours.closedWeekdays, weekday].sort() : hours.closedWeekdays.filter((day) => day !== weekday) });
  return (
    <fieldset className="hours-fields">
      <legend>영업 시간 · Opening hours</legend>
      <label>
        영업 시작 · Opens
        <input name="open" type="time" value={hours.operatingHours.open} onChange={(event) => onChange({ operatingHours: { ...hours.operatingHours, open: event.target.value } })} />
      </label>
      <label>
        영업 종료 · Closes
        <input name="close" type="time" value={hours.operatingHours.close} onChange={(event) => onChange({ operatingHours: { ...hours.operatingHours, close: event.target.value } })} />
      </label>
      <table className="table hours-week">
        <caption>요일별 · By weekday (비워 두면 위 시간 · blank: the hours above)</caption>
        {/* Hidden on a wide screen (each checkbox names itself); on a phone each cell shows its column's name. */}
        <thead className="visually-hidden">
          <tr>
            <th scope="col">요일 · Day</th>
            <th scope="col">휴무 · Closed</th>
            <th scope="col">다른 시간 · Other hours</th>
            <th scope="col">시간 · Hours</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((name, weekday) => {
            const own = hours.weekdayHours[weekday] ?? null;
            const closed = hours.closedWeekdays.includes(weekday);
            return (
              <tr key={name} data-weekday={weekday}>
                <th scope="row">{name}</th>
                <td>
                  <label className="settings-check">
                    <input type="checkbox" name={`closed-${weekday}`} checked={closed} onChange={(event) => setClosed(weekday, event.target.checked)} />
                    휴무 · Closed
                  </label>
                </td>
                <td>
                  <label className="settings-check">
                    <input type="checkbox" name={`own-${weekday}`} checked={own !== null} disabled={closed} onChange={(event) => setWeekday(weekday, event.target.checked ? { ...hours.operatingHours } : null)} />
                    다른 시간 · Other hours
                  </label>
                </td>
                <td>
                  {own && !closed && (
                    <>
                      <input aria-label={`${name} 시작 · opens`} type="time" value={own.open} onChange={(event) => setWeekday(weekday, { ...own, open: event.target.value })} />
                      {' – '}
                      <input aria-label={`${name} 종료 · closes`} type="time" value={own.close} onChange={(event) => setWeekday(weekday, { ...own, close: event.target.value })} />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="settings-check">
        <input type="checkbox" name="hasBreak" checked={hours.breakTime !== null} onChange={(event) => onChange({ breakTime: event.target.checked ? { start: '15:00', end: '17:00' } : null })} />
        브레이크 타임 · Break time
      </label>
      {hours.breakTime && (
        <span className="hours-break">
          <input name="breakStart" aria-label="브레이크 시작 · Break starts" type="time" value={hours.breakTime.start} onChange={(event) => onChange({ breakTime: { ...hours.breakTime!, start: event.target.value } })} />
          {' – '}
          <input name="breakEnd" aria-label="브레이크 끝 · Break ends" type="time" value={hours.breakTime.end} onChange={(event) => onChange({ breakTime: { ...hours.breakTime!, end: event.target.value } })} />
        </span>
      )}
      <div className="hours-dates">
        <label>
          쉬는 날 · Closed dates
          <input name="closedDate" type="date" value={newDate} onChange={(event) => setNewDate(event.target.value)} />
        </label>
        <button type="button" className="button secondary" disabled={!newDate || hours.closedDates.includes(newDate)} onClick={() => (onChange({ closedDates: [...hours.closedDates, newDate].sort() }), setNewDate(''))}>
          추가 · Add
        </button>
        <ul>
          {hours.closedDates.map((date) => (
            <li key={date}>
              {date}{' '}
              <button type="button" className="button secondary" aria-label={`${date} 빼기 · remove`} onClick={() => onChange({ closedDates: hours.closedDates.filter((candidate) => candidate !== date) })}>
                빼기 · Remove
              </button>
            </li>
          ))}
        </ul>
      </div>
    </fieldset>
  );
}
