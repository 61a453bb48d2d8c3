/**
 * The day's close (마감 정산), or sales over a period: the figures on screen, and the same report to
 * download as CSV or Excel (plain links: the browser sends the session cookie and saves the file).
 */
import { useCallback, useState } from 'react';
import type { SalesReportResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import { clockTime } from '../../shared/clock';
import { won } from '../format';
import { usePolled } from '../use-polled';
import { problemText } from '../../shared/problem-text';

const METHOD_TEXT: Record<keyof SalesReportResponse['byMethod'], string> = {
  kiosk_card: '키오스크 카드 · Kiosk card',
  counter_cash: '카운터 현금 · Counter cash',
  counter_card: '카운터 카드 · Counter card',
  counter: '카운터 (방법 미기록) · Counter',
};

export function DayClosePage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const load = useCallback(() => consoleApi.salesReport(from || undefined, to || undefined), [from, to]);
  const { data, error } = usePolled(load, 15_000);
  const query = data ? (data.from === data.to ? `day?date=${data.from}` : `sales?from=${data.from}&to=${data.to}`) : null;
  const [printed, setPrinted] = useState<string | null>(null);
  const printDay = async (date: string) => {
    try {
      await consoleApi.printDayClose(date);
      setPrinted('영수증 프린터로 보냈어요 · Sent to the receipt printer');
    } catch (problem) {
      setPrinted(problemText(problem));
    }
  };
  return (
    <>
      <div className="report-actions">
        <label>
          시작일 · From <input type="date" name="from" value={from || data?.from || ''} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          종료일 · To <input type="date" name="to" value={to || data?.to || ''} onChange={(event) => setTo(event.target.value)} />
        </label>
        {query && (
          <>
            <a className="button" href={`/api/admin/reports/${query}&format=csv`} download>
              CSV 내려받기 · Download CSV
            </a>
            <a className="button" href={`/api/admin/reports/${query}&format=xlsx`} download>
              엑셀 내려받기 · Download Excel
            </a>
            {data?.from === data?.to && (
              <button type="button" className="button print-day-close" onClick={() => void printDay(data!.from)}>
                마감 정산 인쇄 · Print the close
              </button>
            )}
          </>
        )}
      </div>
      {printed && <p className="print-day-close-result" role="status">{printed}</p>}
      {error && <p className="form-problem" role="alert">{error}</p>}
      {data && <Report report={data} />}
    </>
  );
}

function Report({ report }: { report: SalesReportResponse }) {
  return (
    <>
      <ul className="tiles" aria-label="요약 · Summary">
        <li><span>주문 · Orders</span><strong data-testid="close-orders">{report.orders}</strong></li>
        <li><span>매출 · Revenue</span><strong data-testid="close-revenue">{won(report.revenue)}</strong></li>
        <li><span>미결제 · Unpaid</span><strong data-testid="close-unpaid">{report.unpaid.orders}건 {won(report.unpaid.amount)}</strong></li>
        <li><span>취소 · Cancelled</span><strong>{report.cancelled.orders}건 {won(report.cancelled.amount)}</strong></li>
        <li><span>환불 · Refunded</span><strong>{report.refunded.orders}건 {won(report.refunded.amount)}</strong></li>
      </ul>
      <Section title="결제수단별 · By payment method" head={['결제수단 · Method', '건수 · Orders', '금액 · Amount']}
        rows={Object.entries(report.byMethod).map(([method, tally]) => [METHOD_TEXT[method as keyof typeof METHOD_TEXT], tally.orders, won(tally.amount)])} />
      <Section title="미결제 카운터 주문 · Unpaid counter orders" head={['번호 · No.', '시각 · Time', '금액 · Amount']}
        rows={report.unpaid.list.map((order) => [order.callNumber, clockTime(order.createdAt), won(order.total)])} />
      <Section title="취소와 환불 · Cancellations and refunds" head={['번호 · No.', '누가 · Who', '사유 · Why', '금액 · Amount']}
        rows={report.cancelled.list.map((order) => [order.orderNumber, order.by, order.reason, `${won(order.total)}${order.refunded ? ' (환불 · refunded)' : ''}`])} />
      <Section title="메뉴별 판매 · Dishes sold" head={['메뉴 · Dish', '수량 · Qty', '금액 · Amount']}
        rows={report.dishes.map((dish) => [dish.ko, dish.quantity, won(dish.amount)])} />
      <Section title="시간대별 · By hour" head={['시각 · Hour', '주문 · Orders', '매출 · Revenue']}
        rows={report.byHour.filter((hour) => hour.orders > 0).map((hour) => [`${hour.hour}시`, hour.orders, won(hour.amount)])} />
      {report.from !== report.to && (
        <Section title="일별 · By day" head={['날짜 · Day', '주문 · Orders', '매출 · Revenue']} rows={report.byDay.map((day) => [day.date, day.orders, won(day.amount)])} />
      )}
    </>
  );
}

function Section({ title, head, rows }: { title: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty">없어요 · None</p>
      ) : (
        <table className="table">
          <thead>
            <tr>{head.map((cell) => <th scope="col" key={cell}>{cell}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>{row.map((cell, column) => <td key={column}>{cell}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
