/**
 * The store's printers: what each prints and whether it can (a stopped printer's tickets wait and
 * staff are called), a test page, and the latest tickets drawn as on paper, each reprintable.
 * Owners add, change and remove printers; staff test and reprint.
 */
import { useState, type FormEvent } from 'react';
import { PRINTER_DEVICE_PATTERN, SERIAL_SPEEDS, type NewPrinterRequest, type PrinterResponse, type PrintJobResponse } from '../../../contracts/printers';
import { consoleApi } from '../admin-api';
import type { PageProps } from '../ConsoleApp';
import { dateTimeOf } from '../format';
import { usePolled } from '../use-polled';
import { problemText } from '../../shared/problem-text';

type TicketKind = PrinterResponse['tickets'][number];
const TICKET_TEXT: Record<TicketKind, string> = { order: '주문 번호표 · Order ticket', receipt: '영수증 · Receipt', kitchen: '주방 주문서 · Kitchen ticket' };
const STATE_TEXT: Record<string, string> = { ready: '인쇄 가능 · Ready', offline: '꺼짐 · Off or unreachable', paper_out: '용지 없음 · Out of paper', cover_open: '덮개 열림 · Cover open' };
const JOB_STATUS_TEXT: Record<PrintJobResponse['status'], string> = { waiting: '대기 중 · Waiting', printed: '인쇄됨 · Printed', withdrawn: '주문 취소로 안 뽑음 · Withdrawn (order cancelled)' };

export function PrintersPage({ user }: PageProps) {
  const printers = usePolled(consoleApi.printers, 3000);
  const jobs = usePolled(consoleApi.printJobs, 3000);
  const owner = user.role === 'owner';
  const [notice, setNotice] = useState<string | null>(null);
  const act = (action: () => Promise<unknown>, done: string) =>
    void action().then(
      () => {
        setNotice(done);
        printers.reload();
        jobs.reload();
      },
      (failure: unknown) => setNotice(problemText(failure)),
    );
  return (
    <>
      {(printers.error ?? jobs.error) && <p className="form-problem" role="alert">{printers.error ?? jobs.error}</p>}
      {notice && <p role="status" className="form-ok">{notice}</p>}
      {printers.data?.printers.length === 0 && <p className="empty">프린터가 없어요 · No printers yet</p>}
      <ul className="card-list" aria-label="프린터 · Printers">
        {printers.data?.printers.map((printer) => (
          <li key={printer.id} className="panel printer" data-printer-id={printer.id} data-state={printer.status?.state ?? 'unknown'}>
            <h2>
              {printer.name} <span className="muted">{printer.id}</span>
            </h2>
            <p>
              {whereItIs(printer)}
              {printer.kioskId ? ` · ${printer.kioskId} 전용 · for ${printer.kioskId}` : ''}
            </p>
            <p className={printer.status && printer.status.state !== 'ready' ? 'form-problem' : ''}>
              {printer.status ? STATE_TEXT[printer.status.state] : '아직 인쇄 전 · Not used yet'}
              {printer.waiting > 0 && ` · 대기 ${printer.waiting}장 · ${printer.waiting} waiting`}
            </p>
            <TicketChoice tickets={printer.tickets} disabled={!owner} onChange={(tickets) => act(() => consoleApi.updatePrinter(printer.id, { tickets }), '저장했어요 · Saved')} />
            <div className="actions">
              <button type="button" className="button" onClick={() => act(() => consoleApi.testPrint(printer.id), '시험 인쇄를 보냈어요 · Test page sent')}>
                시험 인쇄 · Test print <span className="visually-hidden">{printer.name}</span>
              </button>
              {owner && (
                <button type="button" className="button secondary" onClick={() => act(() => consoleApi.removePrinter(printer.id), '삭제했어요 · Removed')}>
                  삭제 · Remove <span className="visually-hidden">{printer.name}</span>
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {owner && <AddPrinter onAdded={() => printers.reload()} />}
      <section className="panel" aria-labelledby="recent-tickets">
        <h2 id="recent-tickets">최근 인쇄 · Latest tickets</h2>
        {jobs.data?.jobs.length === 0 && <p className="empty">아직 없어요 · None yet</p>}
        <ul className="ticket-list">
          {jobs.data?.jobs.map((job) => (
            <li key={job.id} className="ticket" data-job-id={job.id} data-kind={job.kind} data-status={job.status}>
              <p>
                <strong>{job.title}</strong>
              </p>
              <p className="muted">
                {printers.data?.printers.find((printer) => printer.id === job.printerId)?.name ?? job.printerId} · {dateTimeOf(job.createdAt)} · {JOB_STATUS_TEXT[job.status]}
              </p>
              <img className="ticket-image" src={consoleApi.printJobImageUrl(job.id)} alt={`${job.title} 인쇄 모습 · as printed`} loading="lazy" />
              <button type="button" className="button secondary" onClick={() => act(() => consoleApi.reprint(job.id), '다시 인쇄를 보냈어요 · Sent again')}>
                다시 인쇄 · Reprint <span className="visually-hidden">{job.title}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type TicketChoiceProps = { tickets: TicketKind[]; onChange: (tickets: TicketKind[]) => void; disabled?: boolean; namePrefix?: string };

function TicketChoice({ tickets, onChange, disabled = false, namePrefix = '' }: TicketChoiceProps) {
  return (
    <fieldset className="ticket-choice" disabled={disabled}>
      <legend>인쇄할 것 · Prints</legend>
      {(Object.keys(TICKET_TEXT) as TicketKind[]).map((kind) => (
        <label key={kind} className="toggle">
          <input
            type="checkbox"
            name={`${namePrefix}${kind}`}
            checked={tickets.includes(kind)}
            onChange={(event) => onChange(event.target.checked ? [...tickets, kind] : tickets.filter((ticket) => ticket !== kind))}
          />
          {TICKET_TEXT[kind]}
        </label>
      ))}
    </fieldset>
  );
}

function whereItIs(printer: PrinterResponse): string {
  if (printer.connection === 'virtual') return '가상 프린터 (이미지) · Virtual (images)';
  if (printer.connection === 'device') return `USB·시리얼 · USB/serial ${printer.device}${printer.baud ? ` · ${printer.baud} bps` : ''}`;
  return `${printer.host}:${printer.port}`;
}

const NO_PRINTER: NewPrinterRequest = { name: '', connection: 'tcp', host: '', port: 9100, device: '', baud: null, tickets: ['order'], kioskId: null };

function AddPrinter({ onAdded }: { onAdded: () => void }) {
  const [form, setForm] = useState<NewPrinterRequest>(NO_PRINTER);
  const [problem, setProblem] = useState<string | null>(null);
  const network = form.connection === 'tcp';
  const attached = form.connection === 'device';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { host, port, device, baud, kioskId, ...rest } = form;
      await consoleApi.addPrinter({ ...rest, ...(network ? { host, port } : {}), ...(attached ? { device, baud } : {}), ...(kioskId ? { kioskId } : {}) });
      setProblem(null);
      setForm(NO_PRINTER);
      onAdded();
    } catch (failure) {
      setProblem(problemText(failure));
    }
  };

  return (
    <section className="panel" aria-labelledby="add-printer">
      <h2 id="add-printer">프린터 추가 · Add a printer</h2>
      <form className="inline-form" onSubmit={submit}>
        <label>
          이름 · Name <input name="name" value={form.name} required maxLength={40} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </label>
        <label>
          연결 · Connection
          <select name="connection" value={form.connection} onChange={(event) => setForm({ ...form, connection: event.target.value as NewPrinterRequest['connection'] })}>
            <option value="tcp">네트워크 (TCP 9100) · Network</option>
            <option value="device">USB·시리얼 · USB or serial</option>
            <option value="virtual">가상 (이미지) · Virtual (images)</option>
          </select>
        </label>
        {network && (
          <>
            <label>
              주소 · Address <input name="host" value={form.host ?? ''} required placeholder="192.168.0.50" onChange={(event) => setForm({ ...form, host: event.target.value })} />
            </label>
            <label>
              포트 · Port <input name="port" type="number" min={1} max={65535} value={form.port ?? 9100} onChange={(event) => setForm({ ...form, port: Number(event.target.value) })} />
            </label>
          </>
        )}
        {attached && (
          <>
            <label>
              장치 · Device <input name="device" value={form.device ?? ''} required placeholder="/dev/usb/lp0" pattern={PRINTER_DEVICE_PATTERN} onChange={(event) => setForm({ ...form, device: event.target.value })} />
            </label>
            <label>
              속도 (시리얼) · Speed (serial)
              <select name="baud" value={form.baud ?? ''} onChange={(event) => setForm({ ...form, baud: event.target.value ? (Number(event.target.value) as NonNullable<NewPrinterRequest['baud']>) : null })}>
                <option value="">그대로 · As set</option>
                {SERIAL_SPEEDS.map((speed) => (
                  <option key={speed} value={speed}>
                    {speed} bps
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          키오스크 전용 · For one kiosk <input name="kioskId" value={form.kioskId ?? ''} placeholder="kiosk-1" pattern="[A-Za-z0-9_\-]{1,64}" onChange={(event) => setForm({ ...form, kioskId: event.target.value || null })} />
        </label>
        <TicketChoice tickets={form.tickets} namePrefix="new-" onChange={(tickets) => setForm({ ...form, tickets })} />
        <button type="submit" className="button">추가 · Add</button>
      </form>
      {problem && <p className="form-problem" role="alert">{problem}</p>}
    </section>
  );
}
