/**
 * The owner builds the menu: adds, deletes and reorders dishes and categories; adds, renames, reorders and deletes
 * option groups and their values (dish edits, pictures and option charges stay in admin-store.routes.ts).
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategoryPatch, ErrorResponse, MenuItemResponse, MenuResponse, MoveRequest, NewCategoryRequest, NewMenuItemRequest, NewOptionGroupRequest, NewOptionValueRequest, OptionGroupPatch } from '../../../contracts/http';
import type { AdminAuthService } from '../../services/admin-auth.service';
import type { MenuService } from '../../services/menu.service';
import { requireAdmin } from './admin-session';

const OWNER = ['owner'] as const;
const Id = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ValueId = Type.Object({ id: Type.String({ maxLength: 64 }), valueId: Type.String({ maxLength: 64 }) });
const OptionGroup = MenuResponse.properties.optionGroups.items;
const Refusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Done = { 204: Type.Null(), ...Refusals };

export const adminMenuRoutes: FastifyPluginAsyncTypebox<{ auth: AdminAuthService; menus: MenuService }> = async (app, { auth, menus }) => {
  app.post('/api/admin/menu/items', { schema: { body: NewMenuItemRequest, response: { 201: MenuItemResponse, ...Refusals } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    return reply.code(201).send(await menus.addItem(request.body));
  });

  app.delete('/api/admin/menu/items/:id', { schema: { params: Id, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.deleteItem(request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/admin/menu/items/:id/move', { schema: { params: Id, body: MoveRequest, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.moveItem(request.params.id, request.body.direction);
    return reply.code(204).send(null);
  });

  app.post('/api/admin/menu/categories', { schema: { body: NewCategoryRequest, response: { 201: MenuResponse.properties.categories.items, ...Refusals } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    return reply.code(201).send(await menus.addCategory(request.body));
  });

  app.patch('/api/admin/menu/categories/:id', { schema: { params: Id, body: CategoryPatch, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.updateCategory(request.params.id, request.body);
    return reply.code(204).send(null);
  });

  app.delete('/api/admin/menu/categories/:id', { schema: { params: Id, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.deleteCategory(request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/admin/menu/categories/:id/move', { schema: { params: Id, body: MoveRequest, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.moveCategory(request.params.id, request.body.direction);
    return reply.code(204).send(null);
  });

  app.post('/api/admin/menu/option-groups', { schema: { body: NewOptionGroupRequest, response: { 201: OptionGroup, ...Refusals } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    return reply.code(201).send(await menus.addOptionGroup(request.body));
  });

  app.delete('/api/admin/menu/option-groups/:id', { schema: { params: Id, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.deleteOptionGroup(request.params.id);
    return reply.code(204).send(null);
  });

  app.patch('/api/admin/menu/option-groups/:id', { schema: { params: Id, body: OptionGroupPatch, response: { 200: OptionGroup, ...Refusals } } }, async (request) => {
    await requireAdmin(auth, request, OWNER);
    return menus.renameOptionGroup(request.params.id, request.body);
  });

  app.post('/api/admin/menu/option-groups/:id/move', { schema: { params: Id, body: MoveRequest, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.moveOptionGroup(request.params.id, request.body.direction);
    return reply.code(204).send(null);
  });

  app.post('/api/admin/menu/option-groups/:id/values', { schema: { params: Id, body: NewOptionValueRequest, response: { 201: OptionGroup, ...Refusals } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    return reply.code(201).send(await menus.addOptionValue(request.params.id, request.body));
  });

  app.delete('/api/admin/menu/option-groups/:id/values/:valueId', { schema: { params: ValueId, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.deleteOptionValue(request.params.id, request.params.valueId);
    return reply.code(204).send(null);
  });

  app.post('/api/admin/menu/option-groups/:id/values/:valueId/move', { schema: { params: ValueId, body: MoveRequest, response: Done } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await menus.moveOptionValue(request.params.id, request.params.valueId, request.body.direction);
    return reply.code(204).send(null);
  });
};
