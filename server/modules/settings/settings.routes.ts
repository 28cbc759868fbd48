import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { CompanySettingsSchema, UpdateCompanySettingsSchema } from './company.schemas.ts';
import { getCompanySettings, updateCompanySettings } from './company.service.ts';

const tags = ['Settings'];

export function settingsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/settings/company',
    {
      schema: {
        tags,
        summary: 'The company’s own data, used by documents',
        response: { 200: CompanySettingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return getCompanySettings(ctx);
    },
  );

  app.patch(
    '/api/v1/settings/company',
    {
      schema: {
        tags,
        summary: 'Change the company’s own data (admin)',
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateCompanySettingsSchema,
        response: { 200: CompanySettingsSchema, ...problemResponses },
      },
    },
    async (request) => updateCompanySettings(ctx, actorOf(request), request.body, expectedVersion(request)),
  );
}
