/** The console's view of the store: menu changes, the day's orders and staff calls. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AnalyticsResponse, AdminOrdersResponse, ErrorResponse, MenuItemPatch, MenuItemResponse, MenuResponse, OptionValuePatch, StaffCallListResponse } from '../../../contracts/http';
import { analyseOrders } from '../../analytics/order-analytics';
import { AppError } from '../../errors';
import type { AnalyticsRepository } from '../../repositories/analytics.repository';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import { PICTURE_MAX_BYTES, preparePicture } from '../../services/menu-picture';
import type { MenuService } from '../../services/menu.service';
import type { FileStore } from '../../storage/file-store';
import type { OrderService } from '../../services/order.service';
import type { StaffCallService } from '../../services/staff-call.service';
import { requireAdmin } from './admin-session';

const OWNER = ['owner'] as const;

type Options = { auth: AdminAuthService; menus: MenuService; files: FileStore; orders: OrderService; staffCalls: StaffCallService; analytics: AnalyticsRepository; storeId: string; timeZone: string; now: () => Date };

export const adminStoreRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { auth, menus, files, orders, staffCalls, analytics, storeId, timeZone, now }) => {
  app.patch(
    '/api/admin/menu/items/:id',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: MenuItemPatch, response: { 200: MenuItemResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => {
      const user = await requireAdmin(auth, request, ADMIN_ROLES);
      // Staff mark dishes sold out during service; prices, names and aliases are the owner's.
      if (user.role !== 'owner' && Object.keys(request.body).some((field) => field !== 'soldOut')) {
        throw new AppError(403, 'forbidden', 'Staff may only mark a dish sold out or back; ask an owner for other changes.');
      }
      return menus.updateItem(request.params.id, request.body);
    },
  );

  // Pictures arrive as the image itself; what it really is is read from its bytes.
  for (const type of ['image/jpeg', 'image/png', 'image/webp']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PICTURE_MAX_BYTES }, (_request, body, done) => done(null, body));
  }

  /** Checks and keeps an uploaded picture under a key named after `name`; answers the key. */
  const keepPicture = async (name: string, body: unknown): Promise<string> => {
    if (!Buffer.isBuffer(body)) throw new AppError(400, 'invalid_picture', 'Send the picture itself as the body (Content-Type: image/jpeg, image/png or image/webp).');
    const picture = await preparePicture(name, body);
    await files.put(picture.key, picture.data, 'image/webp');
    return picture.key;
  };
  const PictureParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
  const PictureRefusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  // The owner is known before a 5 MB body is read.
  const ownerFirst = async (request: FastifyRequest) => void (await requireAdmin(auth, request, OWNER));

  app.put('/api/admin/menu/items/:id/picture', { onRequest: ownerFirst, schema: { params: PictureParams, response: { 200: MenuItemResponse, ...PictureRefusals } } }, async (request) => {
    if (!(await menus.getMenu()).items.some((item) => item.id === request.params.id)) throw new AppError(404, 'not_found', `Menu item ${request.params.id} was not found.`);
    return menus.updateItem(request.params.id, { imageKey: await keepPicture(request.params.id, request.body) });
  });

  app.put('/api/admin/menu/categories/:id/picture', { onRequest: ownerFirst, schema: { params: PictureParams, response: { 200: MenuResponse.properties.categories.items, ...PictureRefusals } } }, async (request) => {
    if (!(await menus.getMenu()).categories.some((category) => category.id === request.params.id)) throw new AppError(404, 'not_found', `Category ${request.params.id} was not found.`);
    return menus.updateCategory(request.params.id, { imageKey: await keepPicture(`category-${request.params.id}`, request.body) });
  });

  app.patch(
    '/api/admin/menu/options/:groupId/:valueId',
    { schema: { params: Type.Object({ groupId: Type.String({ maxLength: 64 }), valueId: Type.String({ maxLength: 64 }) }), body: OptionValuePatch, response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request, reply) => {
      await requireAdmin(auth, request, OWNER);
      await menus.updateOptionValue(request.params.groupId, request.params.valueId, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/admin/orders',
    { schema: { querystring: Type.Object({ date: Type.Optional(Type.String({ format: 'date' })) }), response: { 200: AdminOrdersResponse, 401: ErrorResponse } } },
    async (request) => {
      await requireAdmin(auth, request, ADMIN_ROLES);
      return orders.dayOrders(storeId, request.query.date);
    },
  );

  app.get(
    '/api/admin/analytics',
    // Query strings are text (no type coercion on this server): the pattern allows 1–366.
    { schema: { querystring: Type.Object({ days: Type.Optional(Type.String({ pattern: '^([1-9][0-9]?|[12][0-9]{2}|3[0-5][0-9]|36[0-6])$' })) }), response: { 200: AnalyticsResponse, 400: ErrorResponse, 401: ErrorResponse } } },
    async (request) => {
      await requireAdmin(auth, request, ADMIN_ROLES);
      const days = Number(request.query.days ?? 30);
      const { orders: rows, lines } = await analytics.ordersSince(storeId, new Date(now().getTime() - days * 86_400_000).toISOString());
      return analyseOrders(rows, lines, timeZone, days);
    },
  );

  app.get('/api/admin/staff-calls', { schema: { response: { 200: StaffCallListResponse, 401: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return { calls: await staffCalls.recent(storeId) };
  });
};
