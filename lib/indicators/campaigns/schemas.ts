/**
 * Zod inputs of data collection campaigns, shared by the forms (FormData), the API (JSON) and the domain functions,
 * which parse again. Messages are Russian and name the field.
 */
import { z } from 'zod';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@/db/schema/campaigns';
import { versionField } from '@/lib/validation';
import { year } from '../schemas';

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: 'черновик', open: 'идёт сбор', closed: 'закрыта' };

const isoDate = (label: string) =>
  z
    .string({ message: `${label}: обязательное поле` })
    .trim()
    .min(1, `${label}: обязательное поле`)
    .transform((v, ctx) => {
      // A date input sends yyyy-mm-dd; a person may type dd.mm.yyyy.
      const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v);
      const iso = ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : v;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]) || Number(m[1]) < 2000 || Number(m[1]) > 2100) {
        ctx.addIssue({ code: 'custom', message: `${label}: дата в виде дд.мм.гггг` });
        return z.NEVER;
      }
      return iso;
    });

const idList = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.uuid({ message: `${label}: неверный идентификатор` })).max(5000, `${label}: не больше 5000`),
  );

const quarter = z.coerce.number({ message: 'Квартал: число от 0 до 4' }).int('Квартал: целое число').min(0, 'Квартал: от 1 до 4 (0 — год целиком)').max(4, 'Квартал: от 1 до 4 (0 — год целиком)');

export const createCampaignSchema = z.object({
  title: z.string({ message: 'Название: обязательное поле' }).trim().min(1, 'Название: обязательное поле').max(300, 'Название: не длиннее 300 символов'),
  description: z.string().trim().max(2000, 'Пояснение: не длиннее 2000 символов').default(''),
  year: year('Год'),
  quarter: quarter.default(0),
  dueDate: isoDate('Срок представления'),
  /** The region or municipality that asks; by default the actor's own organisation. */
  askingOrganisationId: z.uuid({ message: 'Кто запрашивает: неверный идентификатор' }).optional().or(z.literal('').transform(() => undefined)),
  indicatorIds: idList('Показатели').refine((ids) => ids.length > 0, 'Показатели: выберите хотя бы один'),
  /** The organisations asked; empty — every active organisation one level below the asking one. */
  organisationIds: idList('Организации').default([]),
  /** Open at once (collection starts) or keep as a draft. */
  status: z.enum(['draft', 'open'], { message: 'Состояние: черновик или идёт сбор' }).default('open'),
});
export type CreateCampaignInput = z.input<typeof createCampaignSchema>;

export const CAMPAIGN_STATUS_ACTIONS = ['open', 'close', 'reopen'] as const;
export const CAMPAIGN_STATUS_ACTION_LABELS = { open: 'начать сбор', close: 'закрыть', reopen: 'открыть снова' } as const;

export const campaignStatusSchema = z.object({
  id: z.uuid({ message: 'Кампания: неверный идентификатор' }),
  action: z.enum(CAMPAIGN_STATUS_ACTIONS, { message: 'Действие: начать сбор, закрыть или открыть снова' }),
  version: versionField,
});
export type CampaignStatusInput = z.input<typeof campaignStatusSchema>;

export const campaignDueDateSchema = z.object({
  id: z.uuid({ message: 'Кампания: неверный идентификатор' }),
  dueDate: isoDate('Срок представления'),
  version: versionField,
});

export const remindSchema = z.object({
  id: z.uuid({ message: 'Кампания: неверный идентификатор' }),
});

export const campaignListFilterSchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES, { message: 'Состояние: draft, open или closed' }).optional(),
});
