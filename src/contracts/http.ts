/**
 * HTTP contract between kiosks, devices and the server: each schema validates at the edge and
 * its static type is what handlers and the browser client use.
 */
import { Type, type Static } from 'typebox';
import { CUSTOMER_GROUPS, DINING_OPTIONS, ORDER_LIMITS, UI_MODES } from '../domain/order-rules';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Names = { ko: Type.String(), en: Type.String() };

export const ErrorResponse = Type.Object({
  error: Type.String(),
  message: Type.String(),
  problems: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

export const MenuResponse = Type.Object({
  categories: Type.Array(Type.Object({ id: Id, ...Names, imageUrl: Type.Union([Type.String(), Type.Null()]) })),
  optionGroups: Type.Array(
    Type.Object({
      id: Id,
      ...Names,
      values: Type.Array(Type.Object({ id: Id, ...Names, extraPrice: Type.Integer(), aliases: Type.Array(Type.String()) })),
    }),
  ),
  items: Type.Array(
    Type.Object({
      id: Id,
      categoryId: Id,
      ...Names,
      price: Type.Integer(),
      optionGroupIds: Type.Array(Id),
      imageUrl: Type.Union([Type.String(), Type.Null()]),
      soldOut: Type.Boolean(),
      aliases: Type.Array(Type.String()),
    }),
  ),
});
export type MenuResponse = Static<typeof MenuResponse>;

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
  kioskId: Type.Optional(Id),
  /** What the card reader read; a real terminal driver ignores it, the simulator honours test cards. */
  payment: Type.Optional(Type.Object({ cardToken: Type.Optional(Type.String({ maxLength: 128 })) })),
});
export type OrderRequest = Static<typeof OrderRequest>;

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
  total: Type.Integer(),
  status: Type.String(),
  diningOption: Type.String(),
  customerGroup: Type.String(),
  uiMode: Type.String(),
  kioskId: Type.String(),
  createdAt: Type.String(),
  lines: Type.Array(OrderLineResponse),
  payment: Type.Object({ method: Type.String(), approvalCode: Type.String(), amount: Type.Integer() }),
});
export type OrderResponse = Static<typeof OrderResponse>;

export const StaffCallRequest = Type.Object({
  kioskId: Type.Optional(Id),
  /** The screen the customer was on, so staff know what help is needed. */
  screen: Type.Optional(Type.String({ maxLength: 32 })),
});
export type StaffCallRequest = Static<typeof StaffCallRequest>;

export const StaffCallResponse = Type.Object({
  id: Type.String(),
  kioskId: Type.String(),
  screen: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
});
export type StaffCallResponse = Static<typeof StaffCallResponse>;


/** The part of the server's configuration a kiosk needs. */
export const KioskConfigResponse = Type.Object({
  storeName: Type.Object(Names),
  kioskId: Type.String(),
  paymentTerminal: Type.String(),
  idleWarningAfterMs: Type.Integer(),
  idleWarningDurationMs: Type.Integer(),
  orderNumberScreenMs: Type.Integer(),
  cameraPolicy: Type.Enum(['auto', 'suggest', 'off'] as const),
  cameraMinConfidence: Type.Number(),
  voiceEngine: Type.Enum(['offline', 'browser', 'off'] as const),
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
});
export type FaceDecisionResponse = Static<typeof FaceDecisionResponse>;
