/** Table types for Kysely. Times are ISO-8601 UTC strings so SQLite and PostgreSQL read the same. */
import type { Generated } from 'kysely';

export type Database = {
  /** `deleted_at`: an owner deleted it; off the menu, kept for what refers to it. */
  categories: { id: string; name_ko: string; name_en: string; image_key: string | null; sort_order: number; deleted_at: Generated<string | null> };
  option_groups: { id: string; name_ko: string; name_en: string; sort_order: number };
  option_values: {
    group_id: string;
    id: string;
    name_ko: string;
    name_en: string;
    extra_price: number;
    sort_order: number;
  };
  menu_items: {
    id: string;
    category_id: string;
    name_ko: string;
    name_en: string;
    price: number;
    /** Key in the file store, e.g. `menu/kimchi-stew.svg`. */
    image_key: string | null;
    sold_out: Generated<number>;
    sort_order: number;
    /** An owner deleted it: off the menu; old orders keep the names they copied. */
    deleted_at: Generated<string | null>;
  };
  menu_item_option_groups: { item_id: string; group_id: string; sort_order: number };
  menu_item_aliases: { item_id: string; alias: string };
  option_value_aliases: { group_id: string; value_id: string; alias: string };
  orders: {
    id: string;
    order_number: number;
    /** The store's local calendar day; order numbers restart each day. */
    business_date: string;
    store_id: string;
    kiosk_id: string;
    status: string;
    dining_option: string;
    customer_group: string;
    ui_mode: string;
    voice_used: number;
    total: number;
    idempotency_key: string;
    /** Fingerprint of the request, so a reused key with a different order is refused. */
    request_hash: string;
    created_at: string;
    /** The kiosk's own number for an order taken while the server was unreachable (`K1-7`), else null. */
    offline_number: string | null;
    /** Set when the order was cancelled (status `cancelled`): when, by which console user, and why. */
    cancelled_at: string | null;
    cancelled_by: string | null;
    cancel_reason: string | null;
  };
  /** The day's last order number per store, counted up in each order's transaction. */
  order_counters: { store_id: string; business_date: string; last_number: number };
  order_lines: {
    order_id: string;
    line_no: number;
    item_id: string;
    name_ko: string;
    name_en: string;
    quantity: number;
    unit_price: number;
    line_total: number;
  };
  order_line_options: {
    order_id: string;
    line_no: number;
    group_id: string;
    value_id: string;
    name_ko: string;
    name_en: string;
    extra_price: number;
    /** Keeps options in the order the item asks them. */
    position: number;
  };
  payments: {
    id: string;
    order_id: string;
    method: string;
    terminal: string;
    amount: number;
    approval_code: string;
    created_at: string;
    /** When the money was taken: at once for a kiosk card payment, when staff mark it for a counter one (null: unpaid). */
    paid_at: string | null;
    /** How a counter payment was taken: `cash` or `card` (null for kiosk card payments). */
    settled_with: string | null;
    refunded_at: string | null;
    /** The terminal's refund approval (empty for money handed back at the counter). */
    refund_code: string | null;
  };
  /** Every cancellation, refund and counter payment: who, when, why; `detail` is a JSON document. */
  audit_log: {
    id: string;
    store_id: string;
    at: string;
    actor: string;
    actor_role: string;
    action: string;
    order_id: string | null;
    reason: string | null;
    detail: string;
  };
  staff_calls: {
    id: string;
    store_id: string;
    kiosk_id: string;
    screen: string | null;
    /** Set when the kiosk called because the server refused its offline order with this number. */
    refused_offline_number: string | null;
    created_at: string;
    acknowledged_at: string | null;
  };
  devices: {
    id: string;
    store_id: string;
    kind: string;
    name: string;
    /** sha256 of the secret: secrets are long and random, so a fast hash is enough. */
    secret_hash: string;
    created_at: string;
    revoked_at: string | null;
    /** A camera's kiosk (migration 0030): the only one it may report decisions for. */
    kiosk_id: string | null;
  };
  /** The store this database belongs to (one row): see `store-identity.ts`. */
  store_identity: { store_id: string; claimed_at: string };
  /** A take of a staff member reading one of the recognizer's phrases (migration 0070); the WAV is under `private/voice-recordings/`. */
  voice_recordings: {
    id: string;
    store_id: string;
    speaker: string;
    phrase: string;
    audio_key: string;
    duration_ms: number;
    /** When the speaker agreed to be recorded (the consent box ticked for this take). */
    consent_at: string;
    /** The console user who made the recording. */
    recorded_by: string;
    created_at: string;
  };
  /** A voice model 음성 학습 kept (migration 0071): `active` (kiosks load it) or `retired`; `scores` is the held-out judgement as JSON. */
  voice_model_versions: {
    version: string;
    store_id: string;
    status: string;
    model_key: string;
    scores: string;
    created_at: string;
    activated_at: string | null;
  };
  /** A 학습 시작 run (migration 0073): `running`, then `finished` (with its verdict as JSON in `result`) or `failed`. */
  voice_training_runs: {
    id: string;
    store_id: string;
    state: string;
    started_at: string;
    finished_at: string | null;
    message: string | null;
    result: string | null;
  };
  /** A receipt printer of the store: `tcp` (raw ESC/POS on host:port) or `virtual` (images under DATA_DIR). */
  printers: {
    id: string;
    store_id: string;
    name: string;
    connection: string;
    host: string | null;
    port: number | null;
    /** A `device` printer's device file, e.g. `/dev/usb/lp0` (migration 0072). */
    device: string | null;
    /** A serial `device` printer's line speed; null: as the port is set. */
    baud: number | null;
    /** JSON array of the tickets it prints: `order`, `receipt`, `kitchen`. */
    tickets: string;
    /** The kiosk whose customers' tickets it prints; null: any kiosk without a printer of its own. */
    kiosk_id: string | null;
    created_at: string;
  };
  /** A ticket for one printer, kept as its ReceiptLine description; status `waiting` or `printed`. */
  print_jobs: {
    id: string;
    store_id: string;
    printer_id: string;
    order_id: string | null;
    kind: string;
    title: string;
    document: string;
    status: string;
    created_at: string;
    printed_at: string | null;
    /** The server sending it now, and until when: servers sharing a database print a ticket once. */
    claimed_by: string | null;
    claimed_until: string | null;
  };
  /** Who runs a scheduled job now, and until when: see `job-lock.ts`. */
  job_locks: { name: string; holder: string; expires_at: string };
  /** Failed console sign-ins per `user:…`/`ip:…` key in its current window (the sign-in limit). */
  sign_in_failures: { key: string; failures: number; window_started_at: string };
  admin_users: { id: string; username: string; password_hash: string; role: string; created_at: string };
  /** Only a hash of the session token is kept: a copy of the database opens no session. */
  admin_sessions: { token_hash: string; user_id: string; created_at: string; expires_at: string };
  /** One JSON document of operator settings per store, checked against its schema on every write. */
  store_settings: { store_id: string; settings: string; updated_at: string };
  kiosk_presence: {
    store_id: string;
    kiosk_id: string;
    status: string | null;
    status_at: string | null;
    last_group: string | null;
    last_confidence: number | null;
    last_decided_at: string | null;
    model_version: string | null;
  };
  /** One row per model version; metrics, params, curve and lineage are JSON documents. */
  model_versions: {
    model: string;
    version: string;
    status: string;
    created_at: string;
    /** When it last became active; and the version it replaced then, which a rollback returns to. */
    activated_at: string | null;
    previous_version: string | null;
    /** The content hash of its model.json in the file store (file-versions.ts). */
    artifact_id: string;
    metrics: string;
    params: string;
    curve: string | null;
    lineage: string;
  };
  training_runs: {
    id: string;
    model: string;
    status: string;
    /** The process that runs it: a `running` row whose process is gone was killed. */
    pid: number | null;
    started_at: string | null;
    finished_at: string | null;
    error: string | null;
    version: string | null;
    /** `schedule`, `manual` (the console) or `cli`. */
    trigger: Generated<string>;
  };
  /** Every camera decision; label_status: `none` (nothing collected), `auto`, `review` (queued), `reviewed`, `discarded`. */
  camera_decisions: {
    id: string;
    store_id: string;
    kiosk_id: string;
    decided_at: string;
    group: string;
    confidence: number;
    model_version: string;
    latency_ms: number | null;
    /** The customer's weak label: `left_easy` (left easy mode at once) or `chose_easy` (switched to it by hand). */
    override: string | null;
    override_at: string | null;
    /** `encodeFeatures` as base64, when the store collects embeddings or images. */
    features: string | null;
    /** The face crop in the file store, only when the store collects images. */
    crop_key: string | null;
    label_status: string;
    /** The group a person or the auto-labeller settled on. */
    label: string | null;
    reviewed_by: string | null;
    reviewed_at: string | null;
  };
  /** Labelled faces to train on. source: `decision` or `import`; label_source: `auto`, `review` or `import`. */
  face_samples: {
    id: string;
    source: string;
    decision_id: string | null;
    /** For imports: the dataset's name and the file's name in it (the frozen set is kept out by file name). */
    dataset: string | null;
    file: string | null;
    group: string;
    age: number | null;
    gender: string | null;
    label_source: string;
    features: string;
    image_key: string | null;
    created_at: string;
  };
};
