import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, RecommendationsResponse } from '../../contracts/http';
import { CUSTOMER_GROUPS } from '../../domain/order-rules';
import type { RecommendationService } from '../services/recommendation.service';

/** `GET /api/recommendations?group=senior_female&cart=kimchi-stew,cola`: what to suggest, and why. */
export const recommendationRoutes: FastifyPluginAsyncTypebox<{ recommendations: RecommendationService }> = async (app, { recommendations }) => {
  app.get(
    '/api/recommendations',
    {
      schema: {
        querystring: Type.Object({
          group: Type.Optional(Type.Enum(CUSTOMER_GROUPS)),
          // Item ids, comma separated: a cart holds at most 50 lines.
          cart: Type.Optional(Type.String({ maxLength: 64 * 50, pattern: '^[A-Za-z0-9_,-]*$' })),
        }),
        response: { 200: RecommendationsResponse, 400: ErrorResponse },
      },
    },
    async (request) => recommendations.recommend(request.query.group ?? 'unknown', (request.query.cart ?? '').split(',').filter(Boolean)),
  );
};
