/**
 * HTTP contract between kiosks, devices and the server: each schema validates at the edge and
 * its static type is what handlers and the browser client use.
 */
import { Type, type Static } from 'typebox';
import { FACE_GROUPS } from '../domain/customer-group';
import { CARD_READER_POSITIONS } from '../domain/kiosk-body';
import { CUSTOMER_GROUPS, DINING_OPTIONS, ORDER_LIMITS, UI_MODES } from '../domain/order-rules';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Names = { ko: Type.String(), en: Type.String() };

export const ErrorResponse = Type.Object({
  error: Type.String(),
  message: Type.String(),
  problems: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

export const MenuItemResponse = Type.Object({
  id: Id,
  categoryId: Id,
  ...Names,
  price: Type.Integer(),
  optionGroupIds: Type.Array(Id),
  imageUrl: Type.Union([Type.String(), Type.Null()]),
  soldOut: Type.Boolean(),
  aliases: Type.Array(Type.String()),
});

export const MenuResponse = Type.Object({
  categories: Type.Array(Type.Object({ id: Id, ...Names, imageUrl: Type.Union([Type.String(), Type.Null()]) })),
  optionGroups: Type.Array(
    Type.Object({
      id: Id,
      ...Names,
      values: Type.Array(Type.Object({ id: Id, ...Names, extraPrice: Type.Integer(), aliases: Type.Array(Type.String()) })),
    }),
  ),
  items: Type.Array(MenuItemResponse),
});
export type MenuResponse = Static<typeof MenuResponse>;

/** A kiosk-local number: the kiosk's letters, a dash, its own count (`K1-7`); never a bare server number. */
export const OFFLINE_NUMBER_PATTERN = '^[A-Z][A-Z0-9]{0,7}-[0-9]{1,4}$';

export const OrderRequest = Type.Object({
  items: Type.Array(
    Type.Object({
      itemId: Id,
      // Range checks live in the domain so the message names the line; the schema only types it.
      quantity: Type.Integer(),
      options: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 64 }))),
    }),
    { maxItems: ORDER_LIMITS.maxLines * 4 },
  ),
  diningOption: Type.Enum(DINING_OPTIONS),
  customerGroup: Type.Optional(Type.Enum(CUSTOMER_GROUPS)),
  uiMode: Type.Optional(Type.Enum(UI_MODES)),
  /** Whether the customer used voice ordering, for the console's analytics. */
  voiceUsed: Type.Optional(Type.Boolean()),
  /**
   * How the customer pays: by card at the kiosk (the default), or at the counter where the owner
   * allows it (`counterPayment`). `cardToken`: what the card reader read; a real terminal driver
   * ignores it, the simulator honours test cards.
   */
  payment: Type.Optional(Type.Object({ method: Type.Optional(Type.Enum(['card', 'counter'] as const)), cardToken: Type.Optional(Type.String({ maxLength: 128 })) })),
  /**
   * An order the kiosk took while it could not reach the server: no card was charged (the customer
   * pays at the counter) and the customer holds the kiosk's own number, which the server keeps.
   */
  offline: Type.Optional(Type.Object({ number: Type.String({ pattern: OFFLINE_NUMBER_PATTERN }) })),
});
export type OrderRequest = Static<typeof OrderRequest>;

/** How staff take a counter order's money. */
export const SETTLEMENT_METHODS = ['cash', 'card'] as const;

const OrderCancellation = Type.Object({ at: Type.String(), by: Type.String(), reason: Type.String() });

export const OrderLineResponse = Type.Object({
  itemId: Id,
  ...Names,
  quantity: Type.Integer(),
  unitPrice: Type.Integer(),
  lineTotal: Type.Integer(),
  options: Type.Array(Type.Object({ groupId: Id, valueId: Id, ...Names, extraPrice: Type.Integer() })),
});

export const OrderResponse = Type.Object({
  id: Type.String(),
  orderNumber: Type.Integer(),
  /** Only for an order taken offline: the kiosk's number, the one the customer is called by. */
  offlineNumber: Type.Optional(Type.String()),
  total: Type.Integer(),
  status: Type.String(),
  diningOption: Type.String(),
  customerGroup: Type.String(),
  uiMode: Type.String(),
  kioskId: Type.String(),
  createdAt: Type.String(),
  lines: Type.Array(OrderLineResponse),
  /** Only for a cancelled order (status `cancelled`): when, by whom, why. */
  cancellation: Type.Optional(OrderCancellation),
  payment: Type.Object({
    /** `card` (charged by the kiosk's terminal) or `counter`. */
    method: Type.String(),
    approvalCode: Type.String(),
    amount: Type.Integer(),
    /** False while a counter order waits for its money: it is not revenue until then. */
    paid: Type.Boolean(),
    /** How staff took a counter payment. */
    settledWith: Type.Union([Type.Enum(SETTLEMENT_METHODS), Type.Null()]),
    refunded: Type.Boolean(),
  }),
});
export type OrderResponse = Static<typeof OrderResponse>;

/** A staff call's `screen` when the server calls staff itself: a card charged for an order it could not store, and could not give back. */
export const CHARGE_NOT_CANCELLED_CALL = 'charge_not_cancelled';

export const StaffCallRequest = Type.Object({
  /** The screen the customer was on, so staff know what help is needed. */
  screen: Type.Optional(Type.String({ maxLength: 32 })),
  /** The kiosk calls by itself: the server refused the order it took offline under this number. */
  refusedOfflineNumber: Type.Optional(Type.String({ pattern: OFFLINE_NUMBER_PATTERN })),
});
export type StaffCallRequest = Static<typeof StaffCallRequest>;

export const StaffCallResponse = Type.Object({
  id: Type.String(),
  kioskId: Type.String(),
  screen: Type.Union([Type.String(), Type.Null()]),
  refusedOfflineNumber: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
});
export type StaffCallResponse = Static<typeof StaffCallResponse>;


const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const Hours = Type.Object({ open: ClockTime, close: ClockTime });

/** The store's week (src/domain/store-hours.ts): weekdays are 0 Sunday … 6 Saturday. */
const StoreHoursFields = {
  /** Every day's hours unless its weekday has its own; a close before the open runs past midnight. */
  operatingHours: Hours,
  /** Seven entries, Sunday first; null keeps the usual hours. */
  weekdayHours: Type.Array(Type.Union([Hours, Type.Null()]), { minItems: 7, maxItems: 7 }),
  /** Regular closed weekdays (정기 휴무). */
  closedWeekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7, uniqueItems: true }),
  /** 브레이크 타임, e.g. 15:00–17:00: the kiosk shows it is closed and when it opens again. */
  breakTime: Type.Union([Type.Object({ start: ClockTime, end: ClockTime }), Type.Null()]),
  /** Holidays and other closed dates, YYYY-MM-DD on the store's clock. */
  closedDates: Type.Array(Type.String({ format: 'date' }), { maxItems: 366, uniqueItems: true }),
};
export const StoreHoursSchema = Type.Object(StoreHoursFields);

/** The part of the server's configuration a kiosk needs. */
export const KioskConfigResponse = Type.Object({
  storeName: Type.Object(Names),
  /** Who this kiosk is (its credential's device, or the server's own screen); null: it must be paired before it may order. */
  kioskId: Type.Union([Type.String(), Type.Null()]),
  paymentTerminal: Type.String(),
  idleWarningAfterMs: Type.Integer(),
  idleWarningDurationMs: Type.Integer(),
  orderNumberScreenMs: Type.Integer(),
  cameraPolicy: Type.Enum(['auto', 'suggest', 'off'] as const),
  cameraMinConfidence: Type.Number(),
  voiceEngine: Type.Enum(['offline', 'browser', 'whisper', 'off'] as const),
  /** The store's clock and opening hours: outside them the kiosk shows it is closed and the camera is off. */
  timeZone: Type.String(),
  operatingHours: Type.Object({ open: Type.String(), close: Type.String() }),
  /** The whole week: other weekday hours, closed days, the break; the closed screen says when it opens next. */
  hours: StoreHoursSchema,
  /** What the store keeps of camera decisions, and for how many days: the camera notice says so. */
  collection: Type.Enum(['off', 'embeddings', 'images'] as const),
  retentionDays: Type.Integer(),
  /** The kiosk's body (mm) for the low-reach layout, and where its card reader is, for the voice guide. */
  reach: Type.Object({ screenHeightMm: Type.Integer(), screenBottomMm: Type.Integer(), maxReachMm: Type.Integer() }),
  cardReaderPosition: Type.Enum(CARD_READER_POSITIONS),
  /** The payment screen offers 카운터에서 결제 beside the card. */
  counterPayment: Type.Boolean(),
});
export type KioskConfigResponse = Static<typeof KioskConfigResponse>;

/** Who a device is, and where its page reaches the broker (null: this server's own `/mqtt`). */
export const DeviceSessionResponse = Type.Object({
  device: Type.Object({ id: Type.String(), storeId: Type.String(), kind: Type.String(), name: Type.String() }),
  brokerWebSocketUrl: Type.Union([Type.String(), Type.Null()]),
});
export type DeviceSessionResponse = Static<typeof DeviceSessionResponse>;

export const OrderStatusRequest = Type.Object({ status: Type.Enum(['ready', 'picked_up'] as const) });
export type OrderStatusRequest = Static<typeof OrderStatusRequest>;

export const OrderListResponse = Type.Object({ orders: Type.Array(OrderResponse) });
export type OrderListResponse = Static<typeof OrderListResponse>;

export const StaffCallListResponse = Type.Object({ calls: Type.Array(StaffCallResponse) });
export type StaffCallListResponse = Static<typeof StaffCallListResponse>;

/** The server's decision on one camera frame (the frame itself is not kept). */
export const FaceDecisionResponse = Type.Object({
  kioskId: Type.String(),
  group: Type.Enum(CUSTOMER_GROUPS),
  confidence: Type.Number(),
  modelVersion: Type.String(),
  ms: Type.Number(),
  /** Its entry in the camera decision log. */
  decisionId: Type.String(),
});
export type FaceDecisionResponse = Static<typeof FaceDecisionResponse>;

/** A face crop is a small JPEG of the face box, this wide (~10 KB); 64 KB is generous. */
export const FACE_CROP_WIDTH = 160;
export const FACE_CROP_MAX_BYTES = 64 * 1024;
const Base64 = (maxBytes: number) => Type.String({ minLength: 4, maxLength: Math.ceil(maxBytes / 3) * 4, pattern: '^[A-Za-z0-9+/]+={0,2}$' });

/** A kiosk's camera decision for the decision log; features and crop only as the store's collection setting allows. */
export const CameraDecisionRequest = Type.Object({
  group: Type.Enum(CUSTOMER_GROUPS),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  modelVersion: Type.String({ minLength: 1, maxLength: 64 }),
  latencyMs: Type.Optional(Type.Number({ minimum: 0, maximum: 600_000 })),
  /** `featuresToBase64` of the reading the decision was voted on. */
  features: Type.Optional(Base64(8 * 1024)),
  /** A JPEG of the face box, base64. */
  crop: Type.Optional(Base64(FACE_CROP_MAX_BYTES)),
});
export type CameraDecisionRequest = Static<typeof CameraDecisionRequest>;

/** The customer's weak label: left easy mode right after the camera chose it, or chose it by hand. */
export const DECISION_OVERRIDES = ['left_easy', 'chose_easy'] as const;
export const DecisionOverrideRequest = Type.Object({ override: Type.Enum(DECISION_OVERRIDES) });
export type DecisionOverrideRequest = Static<typeof DecisionOverrideRequest>;

/** What an operator sets for a store in the console; every kiosk of the store follows it. */
export const StoreSettings = Type.Object({
  cameraPolicy: Type.Enum(['auto', 'suggest', 'off'] as const),
  /** A voted camera decision below this is "unknown": no switch. */
  cameraMinConfidence: Type.Number({ minimum: 0.25, maximum: 1 }),
  /** Senior from this age; a model trained for it must be active for it to change decisions. */
  seniorAge: Type.Integer({ minimum: 40, maximum: 90 }),
  /** Camera decisions at least this confident become training labels; the rest go to review. */
  autoLabelThreshold: Type.Number({ minimum: 0.5, maximum: 1 }),
  /** What is kept of camera decisions: nothing, the embedding and decision, or face crops too. */
  collection: Type.Enum(['off', 'embeddings', 'images'] as const),
  retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  ...StoreHoursFields,
  retrainEveryDays: Type.Integer({ minimum: 1, maximum: 365 }),
  /** Retrain sooner once this many new labelled faces arrived since the last successful run. */
  retrainAfterNewLabels: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  /** Recommend by age alone (senior / general), without using gender. */
  recommendByAgeOnly: Type.Boolean(),
  /** Customers may choose to pay at the counter (not only when the kiosk is offline). */
  counterPayment: Type.Boolean(),
  /** Staff, not only owners, may cancel orders (and so refund them). */
  staffMayCancel: Type.Boolean(),
});
export type StoreSettings = Static<typeof StoreSettings>;
export const StoreSettingsPatch = Type.Partial(StoreSettings);
export type StoreSettingsPatch = Static<typeof StoreSettingsPatch>;

// ---- The operator console (`/admin`) ----

export const AdminUserResponse = Type.Object({ id: Type.String(), username: Type.String(), role: Type.Enum(['owner', 'staff'] as const) });
export type AdminUserResponse = Static<typeof AdminUserResponse>;

export const LoginRequest = Type.Object({ username: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 256 }) });
export type LoginRequest = Static<typeof LoginRequest>;

/** An owner may change everything of a dish; staff only whether it is sold out. */
export const MenuItemPatch = Type.Object(
  {
    ko: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    // A negative price is refused by the menu service, with a message an owner understands.
    price: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
    soldOut: Type.Optional(Type.Boolean()),
    /** Other words customers use for the dish, for voice ordering. */
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 })),
    categoryId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** The option groups the kiosk asks for this dish, in this order. */
    optionGroupIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MenuItemPatch = Static<typeof MenuItemPatch>;

const DishNames = { ko: Type.String({ minLength: 1, maxLength: 40 }), en: Type.String({ minLength: 1, maxLength: 60 }) };

/** A new dish (owners): it goes at the end of its category, on sale, without a picture until one is uploaded. */
export const NewMenuItemRequest = Type.Object(
  {
    ...DishNames,
    price: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
    categoryId: Type.String({ minLength: 1, maxLength: 64 }),
    optionGroupIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type NewMenuItemRequest = Static<typeof NewMenuItemRequest>;

export const NewCategoryRequest = Type.Object(DishNames, { additionalProperties: false });
export type NewCategoryRequest = Static<typeof NewCategoryRequest>;
export const CategoryPatch = Type.Partial(Type.Object(DishNames), { additionalProperties: false, minProperties: 1 });
export type CategoryPatch = Static<typeof CategoryPatch>;

/** One value of an option group, new with its group or added to it later (it goes last). */
export const NewOptionValueRequest = Type.Object({ ...DishNames, extraPrice: Type.Integer({ minimum: 0, maximum: 100_000 }) }, { additionalProperties: false });
export type NewOptionValueRequest = Static<typeof NewOptionValueRequest>;

/** The most values one option group may have, new or grown later. */
export const MAX_OPTION_VALUES = 20;

/** A new option group (e.g. 맵기: 순한맛 +0, 보통 +0, 매운맛 +0); the first value is the default. */
export const NewOptionGroupRequest = Type.Object(
  {
    ...DishNames,
    values: Type.Array(NewOptionValueRequest, { minItems: 1, maxItems: MAX_OPTION_VALUES }),
  },
  { additionalProperties: false },
);
export type NewOptionGroupRequest = Static<typeof NewOptionGroupRequest>;

/** Renaming an option group (owners); its values are edited one by one. */
export const OptionGroupPatch = CategoryPatch;
export type OptionGroupPatch = CategoryPatch;

/** One step earlier or later in the menu (a dish within its category). */
export const MoveRequest = Type.Object({ direction: Type.Enum(['up', 'down'] as const) }, { additionalProperties: false });
export type MoveRequest = Static<typeof MoveRequest>;

/** An option value's extra charge and the words customers use for it (owners only). */
export const OptionValuePatch = Type.Object(
  {
    extraPrice: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OptionValuePatch = Static<typeof OptionValuePatch>;

export const AdminOrdersResponse = Type.Object({
  businessDate: Type.String(),
  orders: Type.Array(OrderResponse),
  /** Revenue counts paid orders that were not cancelled; counter orders still to pay are apart. */
  summary: Type.Object({ count: Type.Integer(), revenue: Type.Integer(), unpaid: Type.Integer(), unpaidAmount: Type.Integer(), cancelled: Type.Integer() }),
});
export type AdminOrdersResponse = Static<typeof AdminOrdersResponse>;

/** Staff took a counter order's money. */
export const SettleOrderRequest = Type.Object({ method: Type.Enum(SETTLEMENT_METHODS) }, { additionalProperties: false });
export type SettleOrderRequest = Static<typeof SettleOrderRequest>;

export const CancelOrderRequest = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }) }, { additionalProperties: false });
export type CancelOrderRequest = Static<typeof CancelOrderRequest>;

export const AUDIT_ACTIONS = ['order.settled', 'order.cancelled', 'order.refunded'] as const;
export const AuditEntryResponse = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actor: Type.String(),
  actorRole: Type.String(),
  action: Type.Enum(AUDIT_ACTIONS),
  orderId: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
});
export type AuditEntryResponse = Static<typeof AuditEntryResponse>;
export const AuditLogResponse = Type.Object({ entries: Type.Array(AuditEntryResponse) });
export type AuditLogResponse = Static<typeof AuditLogResponse>;

export const AdminDevice = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  revoked: Type.Boolean(),
  presence: Type.Union([
    Type.Object({
      status: Type.Union([Type.String(), Type.Null()]),
      statusAt: Type.Union([Type.String(), Type.Null()]),
      lastGroup: Type.Union([Type.String(), Type.Null()]),
      lastConfidence: Type.Union([Type.Number(), Type.Null()]),
      lastDecidedAt: Type.Union([Type.String(), Type.Null()]),
      modelVersion: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type AdminDevice = Static<typeof AdminDevice>;

export const NewDeviceRequest = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  kind: Type.Enum(['kiosk', 'kitchen', 'pickup', 'pager', 'camera'] as const),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  /** A camera's kiosk: the one it reports decisions for. */
  kioskId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export type NewDeviceRequest = Static<typeof NewDeviceRequest>;

export const NewDeviceResponse = Type.Object({ id: Type.String(), credential: Type.String(), pairingLink: Type.String() });
export type NewDeviceResponse = Static<typeof NewDeviceResponse>;

const GroupKey = Type.Enum(CUSTOMER_GROUPS);

/** The console's analytics over the last days: by group, hour and day; top dishes; easy mode and voice. */
export const AnalyticsResponse = Type.Object({
  days: Type.Integer(),
  totals: Type.Object({ orders: Type.Integer(), revenue: Type.Integer(), averageBasket: Type.Number(), easyModeShare: Type.Number(), voiceShare: Type.Number() }),
  byGroup: Type.Array(Type.Object({ group: GroupKey, orders: Type.Integer(), revenue: Type.Integer(), averageBasket: Type.Number(), easyModeShare: Type.Number(), voiceShare: Type.Number() })),
  /** Hours 0–23 in the store's time zone, orders per group. */
  byHour: Type.Array(Type.Object({ hour: Type.Integer(), orders: Type.Integer(), revenue: Type.Integer(), byGroup: Type.Record(Type.String(), Type.Integer()) })),
  byDay: Type.Array(Type.Object({ date: Type.String(), orders: Type.Integer(), revenue: Type.Integer(), averageBasket: Type.Number() })),
  topItems: Type.Array(Type.Object({ group: GroupKey, items: Type.Array(Type.Object({ itemId: Type.String(), ko: Type.String(), quantity: Type.Integer() })) })),
});
export type AnalyticsResponse = Static<typeof AnalyticsResponse>;

/** Why a dish is suggested, in a form the kiosk turns into words. */
export const RecommendationReasonResponse = Type.Union([
  Type.Object({ kind: Type.Literal('group'), segment: Type.String(), share: Type.Number(), lift: Type.Number() }),
  Type.Object({ kind: Type.Literal('popular'), share: Type.Number() }),
  Type.Object({ kind: Type.Literal('pair'), with: Type.String(), lift: Type.Number() }),
]);

export const RecommendationsResponse = Type.Object({
  /** What the strip is about: the customer's group (or age band), or what sells now. */
  audience: Type.Union([Type.Object({ kind: Type.Literal('group'), segment: Type.String(), seniorAge: Type.Integer() }), Type.Object({ kind: Type.Literal('popular') })]),
  items: Type.Array(Type.Object({ itemId: Type.String(), reason: RecommendationReasonResponse })),
  /** Often ordered with what is in the cart. */
  pairs: Type.Array(Type.Object({ itemId: Type.String(), reason: RecommendationReasonResponse })),
});
export type RecommendationsResponse = Static<typeof RecommendationsResponse>;

// ---- The data flywheel in the console: the review queue and data counts ----

export const ReviewItem = Type.Object({
  id: Type.String(),
  kioskId: Type.String(),
  decidedAt: Type.String(),
  group: Type.String(),
  confidence: Type.Number(),
  modelVersion: Type.String(),
  override: Type.Union([Type.Enum(DECISION_OVERRIDES), Type.Null()]),
  /** Only when the store collected a crop; served to signed-in console users only. */
  cropUrl: Type.Union([Type.String(), Type.Null()]),
});
export type ReviewItem = Static<typeof ReviewItem>;

export const ReviewQueueResponse = Type.Object({
  items: Type.Array(ReviewItem),
  /** All pending decisions, not only this page. */
  pending: Type.Integer(),
  /** Pass as `after` for the next page; null on the last one. */
  next: Type.Union([Type.String(), Type.Null()]),
});
export type ReviewQueueResponse = Static<typeof ReviewQueueResponse>;

export const ReviewVerdictRequest = Type.Object({ verdict: Type.Union([Type.Enum(FACE_GROUPS), Type.Literal('discard')]) });
export type ReviewVerdictRequest = Static<typeof ReviewVerdictRequest>;

export const LABEL_STATUSES = ['none', 'auto', 'review', 'reviewed', 'discarded'] as const;
export type LabelStatus = (typeof LABEL_STATUSES)[number];

export const FlywheelCountsResponse = Type.Object({
  /** Decisions by label status: `none` (nothing kept to label), `auto`, `review` (pending), `reviewed`, `discarded`. */
  decisions: Type.Object({ none: Type.Integer(), auto: Type.Integer(), review: Type.Integer(), reviewed: Type.Integer(), discarded: Type.Integer() }),
  samples: Type.Array(Type.Object({ source: Type.String(), labelSource: Type.String(), count: Type.Integer() })),
});
export type FlywheelCountsResponse = Static<typeof FlywheelCountsResponse>;
// ---- The console's models page: the group head's registry and its training runs ----

const ModelStatusKey = Type.Enum(['candidate', 'active', 'retired'] as const);
const FrozenSetResponse = Type.Object({ name: Type.String(), hash: Type.String(), n: Type.Integer() });

/** A version as lists show it: headline metrics, no curve, no confusion matrix, samples counted. */
export const ModelVersionResponse = Type.Object({
  model: Type.String(),
  version: Type.String(),
  status: ModelStatusKey,
  createdAt: Type.String(),
  activatedAt: Type.Union([Type.String(), Type.Null()]),
  previousVersion: Type.Union([Type.String(), Type.Null()]),
  metrics: Type.Object({
    n: Type.Integer(),
    accuracy: Type.Number(),
    macroF1: Type.Number(),
    seniorRecall: Type.Number(),
    seniorPrecision: Type.Number(),
    genderAccuracy: Type.Number(),
    frozenSet: FrozenSetResponse,
    source: Type.Enum(['frozen-set', 'model-card'] as const),
  }),
  lineage: Type.Object({ sources: Type.Array(Type.String()), sampleCount: Type.Integer(), frozenSet: FrozenSetResponse }),
});
export type ModelVersionResponse = Static<typeof ModelVersionResponse>;

export const ModelVersionsResponse = Type.Object({ versions: Type.Array(ModelVersionResponse) });
export type ModelVersionsResponse = Static<typeof ModelVersionsResponse>;

/** Loss and accuracy per epoch, for each L2 strength the training tried. */
export const ModelCurveResponse = Type.Object({
  version: Type.String(),
  curve: Type.Array(Type.Object({ l2: Type.Number(), epoch: Type.Integer(), loss: Type.Number(), accuracy: Type.Number() })),
});
export type ModelCurveResponse = Static<typeof ModelCurveResponse>;

export const TrainingRunResponse = Type.Object({
  id: Type.String(),
  status: Type.Enum(['queued', 'running', 'succeeded', 'failed'] as const),
  trigger: Type.Enum(['schedule', 'manual', 'cli'] as const),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.String(), Type.Null()]),
});
export const TrainingRunsResponse = Type.Object({ runs: Type.Array(TrainingRunResponse) });
export type TrainingRunsResponse = Static<typeof TrainingRunsResponse>;

/** "Train now" answers at once; the run shows up in the runs list. */
export const TrainingStartedResponse = Type.Object({ message: Type.String() });

/** The version path segment, as the registry names versions. */
export const ModelVersionParams = Type.Object({ version: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }) });

// ---- The day's close (마감 정산) and sales over a period ----

const Tally = { orders: Type.Integer(), amount: Type.Integer() };
const BusinessDate = Type.String({ format: 'date' });

/** Revenue is paid and not cancelled; `orders` counts every order that stands, paid or not. */
export const SalesReportResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  timeZone: Type.String(),
  orders: Type.Integer(),
  revenue: Type.Integer(),
  byMethod: Type.Object({ kiosk_card: Type.Object(Tally), counter_cash: Type.Object(Tally), counter_card: Type.Object(Tally), counter: Type.Object(Tally) }),
  unpaid: Type.Object({
    ...Tally,
    list: Type.Array(Type.Object({ orderNumber: Type.Integer(), callNumber: Type.String(), businessDate: Type.String(), createdAt: Type.String(), total: Type.Integer() })),
  }),
  cancelled: Type.Object({
    ...Tally,
    list: Type.Array(
      Type.Object({ orderNumber: Type.Integer(), businessDate: Type.String(), cancelledAt: Type.String(), by: Type.String(), reason: Type.String(), total: Type.Integer(), refunded: Type.Boolean() }),
    ),
  }),
  refunded: Type.Object(Tally),
  dishes: Type.Array(Type.Object({ itemId: Type.String(), ko: Type.String(), quantity: Type.Integer(), amount: Type.Integer() })),
  byHour: Type.Array(Type.Object({ hour: Type.Integer(), ...Tally })),
  byDay: Type.Array(Type.Object({ date: Type.String(), ...Tally })),
});
export type SalesReportResponse = Static<typeof SalesReportResponse>;

const ReportFormat = Type.Optional(Type.Enum(['json', 'csv', 'xlsx'] as const));
export const DayReportQuery = Type.Object({ date: Type.Optional(BusinessDate), format: ReportFormat }, { additionalProperties: false });
export const DayPrintQuery = Type.Object({ date: Type.Optional(BusinessDate) }, { additionalProperties: false });
export const SalesReportQuery = Type.Object({ from: BusinessDate, to: BusinessDate, format: ReportFormat }, { additionalProperties: false });
