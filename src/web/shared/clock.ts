/** "14:05" for an ISO time, on this screen's clock (a store's screens run on the store's time zone). */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('ko-KR', { hour: '2-digit', minute: '2-digit', hour12: false });
}
