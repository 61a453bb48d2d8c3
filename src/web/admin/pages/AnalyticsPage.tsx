/**
 * Analytics: who orders what and when. Charts are recharts (loaded only with this page), drawn
 * without animation (nothing on our screens moves by itself); the groups' numbers are also in the
 * table below, and the legend names every colour.
 */
import { useCallback, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { consoleApi } from '../admin-api';
import { GROUP_TEXT, won } from '../format';
import { usePolled } from '../use-polled';

/** Four groups and unknown, told apart by more than hue (distinct lightness too). */
const GROUP_COLOURS: Record<string, string> = { senior_male: '#1e3a8a', senior_female: '#9d174d', general_male: '#60a5fa', general_female: '#f472b6', unknown: '#a8a29e' };
const percent = (share: number) => `${Math.round(share * 100)}%`;

export function AnalyticsPage() {
  const [days, setDays] = useState(30);
  const load = useCallback(() => consoleApi.analytics(days), [days]);
  const { data, error } = usePolled(load, 30_000);
  if (error) return <p className="form-problem" role="alert">{error}</p>;
  if (!data) return <p>…</p>;
  const groups = data.byGroup.filter((group) => group.orders > 0);
  return (
    <>
      <div className="toolbar">
        <label>
          기간 · Period
          <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {[7, 30, 90].map((option) => (
              <option key={option} value={option}>최근 {option}일 · last {option} days</option>
            ))}
          </select>
        </label>
      </div>
      <ul className="tiles" aria-label="요약 · Summary">
        <li><span>주문 · Orders</span><strong data-testid="analytics-orders">{data.totals.orders.toLocaleString('ko-KR')}</strong></li>
        <li><span>매출 · Revenue</span><strong>{won(data.totals.revenue)}</strong></li>
        <li><span>평균 객단가 · Avg basket</span><strong>{won(Math.round(data.totals.averageBasket))}</strong></li>
        <li><span>쉬운 주문 · Easy mode</span><strong>{percent(data.totals.easyModeShare)}</strong></li>
        <li><span>음성 주문 · Voice</span><strong>{percent(data.totals.voiceShare)}</strong></li>
      </ul>

      <section className="panel" aria-labelledby="by-hour">
        <h2 id="by-hour">시간대별 주문 · Orders by hour</h2>
        <div className="chart">
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={data.byHour.map((hour) => ({ hour: `${hour.hour}시`, ...hour.byGroup }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="hour" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend formatter={(value: string) => GROUP_TEXT[value] ?? value} />
              {Object.keys(GROUP_COLOURS).map((group) => (
                <Bar key={group} dataKey={group} stackId="groups" fill={GROUP_COLOURS[group]} name={group} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </section>

      <section className="panel" aria-labelledby="by-day">
        <h2 id="by-day">일별 매출 · Revenue by day</h2>
        <div className="chart">
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={data.byDay}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" />
              <YAxis tickFormatter={(value: number) => `${Math.round(value / 10_000)}만`} />
              <Tooltip formatter={(value) => won(Number(value))} />
              <Line type="monotone" dataKey="revenue" stroke="#14532d" strokeWidth={2} dot={false} name="매출 · Revenue" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </section>

      <section className="panel" aria-labelledby="by-group">
        <h2 id="by-group">고객층별 · By customer group</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">고객층 · Group</th>
              <th scope="col">주문 · Orders</th>
              <th scope="col">매출 · Revenue</th>
              <th scope="col">평균 객단가 · Avg basket</th>
              <th scope="col">쉬운 주문 · Easy</th>
              <th scope="col">음성 · Voice</th>
              <th scope="col">많이 찾는 메뉴 · Top dishes</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.group} data-group={group.group}>
                <th scope="row">{GROUP_TEXT[group.group]}</th>
                <td>{group.orders.toLocaleString('ko-KR')}</td>
                <td>{won(group.revenue)}</td>
                <td>{won(Math.round(group.averageBasket))}</td>
                <td>{percent(group.easyModeShare)}</td>
                <td>{percent(group.voiceShare)}</td>
                <td>{data.topItems.find((top) => top.group === group.group)?.items.map((item) => `${item.ko} ${item.quantity}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
