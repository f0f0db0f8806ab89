import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicatorCampaignReminders, users, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { todayIso } from '@/lib/roadmaps/deadline';
import {
  changeCampaignStatus,
  createCampaign,
  exportLateList,
  getCampaign,
  listCampaigns,
  owedCampaigns,
  remindLate,
  setCampaignDueDate,
} from '@/lib/indicators/campaigns/queries';
import { approvalAction, createIndicator, saveValues } from '@/lib/indicators/queries';
import { createWorld, type World } from './fixtures';

let world: World;
const actors = new Map<string, Actor>();

/** An actor that exists as a user with an e-mail login (reminders go to users). */
async function actor(role: Role, org: Organisation, extra: { login?: string; isActive?: boolean } = {}): Promise<Actor> {
  const key = `${role}:${org.id}:${extra.login ?? ''}`;
  const known = actors.get(key);
  if (known) return known;
  const a = world.actor(role, org);
  await getDb()
    .insert(users)
    .values({ id: a.id, login: extra.login ?? `${randomUUID().slice(0, 8)}@opora.test`, name: `${a.name} ${org.name}`, passwordHash: 'x', role, organisationId: org.id, isActive: extra.isActive ?? true });
  actors.set(key, a);
  return a;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 'ok', message: '', issues: [] as AppError['issues'] }),
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message, issues: error.issues } : { code: String(error), message: '', issues: [] }),
  );

const isoDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return todayIso(d);
};

let analyst: Actor;
let coordinatorA: Actor;
let coordinatorB: Actor;
let schoolTeamA: Actor;
let expert: Actor;
let methodologist: Actor;
let munIndicators: string[];
let schoolIndicator: string;
let computedIndicator: string;
const year = 2031;

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
}
const received: Received[] = [];
let smtp: SMTPServer;

beforeAll(async () => {
  world = await createWorld();
  analyst = await actor('ministry_analyst', world.region);
  coordinatorA = await actor('municipal_coordinator', world.munA);
  coordinatorB = await actor('municipal_coordinator', world.munB);
  schoolTeamA = await actor('school_team', world.schoolA);
  expert = await actor('expert', world.region);
  methodologist = await actor('methodologist', world.centerA);
  // Not reminded: an inactive user and a login that is not an e-mail address.
  await actor('municipal_coordinator', world.munB, { login: `off-${randomUUID().slice(0, 6)}@opora.test`, isActive: false });
  await actor('expert', world.munB, { login: `local-${randomUUID().slice(0, 6)}` });
  const entered = (code: string, level: 'municipality' | 'school') =>
    createIndicator(analyst, { code, name: `Доля ШНОР с сетевыми программами ${code}`, unit: 'percent', level, kind: 'entered', source: 'УО, ОО', status: 'active' });
  munIndicators = [(await entered('K1', 'municipality')).id, (await entered('K2', 'municipality')).id];
  schoolIndicator = (await entered('S1', 'school')).id;
  computedIndicator = (
    await createIndicator(analyst, { code: 'C1', name: 'Вычисляемый', unit: 'percent', level: 'municipality', kind: 'computed', status: 'active', expression: { type: 'entered_ratio', numerator: 'K1' } })
  ).id;

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  process.env.OPORA_SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.OPORA_MAIL_FROM = 'Опора <noreply@opora.test>';
});

afterAll(async () => {
  delete process.env.OPORA_SMTP_URL;
  delete process.env.OPORA_MAIL_FROM;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const regionCampaign = (who: Actor, extra: Record<string, unknown> = {}) =>
  createCampaign(who, { title: `Сбор показателей ${year}`, year, dueDate: isoDay(-3), indicatorIds: munIndicators, askingOrganisationId: world.region.id, ...extra });

describe('permissions', () => {
  it('the region asks its municipalities; a municipality, a school, an expert and a methodologist may not', async () => {
    const created = await regionCampaign(analyst);
    expect(created).toMatchObject({ regionId: world.region.id, municipalityId: null, askedKind: 'municipality', status: 'open', version: 1 });
    const detail = await getCampaign(analyst, created.id);
    expect(detail.rows.map((r) => r.organisation.id).sort()).toEqual([world.munA.id, world.munB.id].sort());
    for (const who of [coordinatorA, schoolTeamA, expert, methodologist]) {
      expect((await failure(regionCampaign(who))).code).toBe('forbidden');
    }
    expect(detail.history.length).toBeGreaterThan(0);
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator_campaign'), eq(auditLog.entityId, created.id)));
    expect(entry?.after).toMatchObject({ title: `Сбор показателей ${year}`, period: `${year} год`, status: 'идёт сбор', indicators: 'K1, K2' });
  });

  it('a municipality asks its own schools, not another municipality\'s', async () => {
    const own = await createCampaign(coordinatorA, { title: 'Школы района А', year, dueDate: isoDay(10), indicatorIds: [schoolIndicator] });
    expect(own).toMatchObject({ municipalityId: world.munA.id, askedKind: 'school' });
    expect((await getCampaign(coordinatorA, own.id)).rows.map((r) => r.organisation.id)).toEqual([world.schoolA.id]);
    expect((await failure(createCampaign(coordinatorA, { title: 'Чужие', year, dueDate: isoDay(10), indicatorIds: [schoolIndicator], askingOrganisationId: world.munB.id }))).code).toBe('forbidden');
    // Scope decides what is read: B's coordinator does not see A's campaign, nor the region's.
    expect((await failure(getCampaign(coordinatorB, own.id))).code).toBe('not_found');
    expect((await listCampaigns(coordinatorB)).map((c) => c.campaign.id)).not.toContain(own.id);
    expect((await listCampaigns(coordinatorA)).map((c) => c.campaign.id)).toEqual([own.id]);
    const regionList = (await listCampaigns(expert)).map((c) => c.campaign.id);
    expect(regionList).toContain(own.id);
    expect((await failure(getCampaign(analyst, 'nonsense'))).code).toBe('not_found');
  });

  it('refuses indicators that are computed or of another level, naming them in Russian', async () => {
    const computed = await failure(regionCampaign(analyst, { indicatorIds: [computedIndicator] }));
    expect(computed).toMatchObject({ code: 'validation' });
    expect(computed.issues[0]).toMatchObject({ field: 'indicatorIds', message: expect.stringContaining('C1') });
    const level = await failure(regionCampaign(analyst, { indicatorIds: [schoolIndicator] }));
    expect(level.issues[0]!.message).toContain('измеряется на уровне «школа»');
    const quarter = await failure(regionCampaign(analyst, { quarter: 2 }));
    expect(quarter.issues[0]!.message).toContain('не по кварталам');
  });

  it('closes and reopens with versions: a stale version or a wrong state is 409', async () => {
    const c = await regionCampaign(analyst, { title: 'Закрываемая', status: 'draft' });
    expect((await failure(changeCampaignStatus(analyst, { id: c.id, action: 'close', version: c.version }))).code).toBe('conflict');
    const opened = await changeCampaignStatus(analyst, { id: c.id, action: 'open', version: c.version });
    expect((await failure(changeCampaignStatus(analyst, { id: c.id, action: 'close', version: c.version }))).code).toBe('conflict');
    expect((await failure(changeCampaignStatus(coordinatorA, { id: c.id, action: 'close', version: opened.version }))).code).toBe('forbidden');
    const closed = await changeCampaignStatus(analyst, { id: c.id, action: 'close', version: opened.version });
    expect(closed).toMatchObject({ status: 'closed' });
    expect((await failure(setCampaignDueDate(analyst, { id: c.id, dueDate: isoDay(5), version: closed.version }))).code).toBe('conflict');
    const reopened = await changeCampaignStatus(analyst, { id: c.id, action: 'reopen', version: closed.version });
    expect(reopened.status).toBe('open');
  });

  it('moving the due date is versioned, and a later date makes a late organisation no longer late', async () => {
    const c = await regionCampaign(analyst, { title: 'Перенос срока' });
    const before = await getCampaign(analyst, c.id);
    expect(before.rows.find((r) => r.organisation.id === world.munB.id)!.completeness.status).toBe('overdue');
    expect((await failure(setCampaignDueDate(coordinatorA, { id: c.id, dueDate: isoDay(5), version: c.version }))).code).toBe('forbidden');
    const moved = await setCampaignDueDate(analyst, { id: c.id, dueDate: '05.01.2099', version: c.version });
    expect(moved).toMatchObject({ dueDate: '2099-01-05', version: c.version + 1 });
    expect((await failure(setCampaignDueDate(analyst, { id: c.id, dueDate: isoDay(5), version: c.version }))).code).toBe('conflict');
    const after = await getCampaign(analyst, c.id);
    expect(after.rows.find((r) => r.organisation.id === world.munB.id)!.completeness).toMatchObject({ status: 'not_started', late: false });
  });
});

describe('start page reminder and e-mail', () => {
  let campaignId: string;

  beforeAll(async () => {
    campaignId = (await regionCampaign(analyst, { title: 'Напоминания' })).id;
  });

  it('a late municipality sees the campaign on its start page until it submits', async () => {
    const before = (await owedCampaigns(coordinatorA)).find((c) => c.campaignId === campaignId);
    expect(before).toMatchObject({ completeness: { status: 'overdue', late: true, daysLate: 3 }, entryHref: `/indicators/entry?org=${world.munA.id}&year=${year}`, canEnter: true });
    await saveValues(coordinatorA, { values: munIndicators.map((indicatorId) => ({ indicatorId, organisationId: world.munA.id, year, value: 50 })) });
    await approvalAction(coordinatorA, { organisationId: world.munA.id, year, action: 'submit' });
    expect((await owedCampaigns(coordinatorA)).map((c) => c.campaignId)).not.toContain(campaignId);
    // A school is not asked by the region's campaign.
    expect((await owedCampaigns(schoolTeamA)).map((c) => c.campaignId)).not.toContain(campaignId);
    const detail = await getCampaign(analyst, campaignId);
    const a = detail.rows.find((r) => r.organisation.id === world.munA.id)!;
    expect(a.completeness).toMatchObject({ status: 'submitted', onTime: false });
    expect(detail.rate).toMatchObject({ expected: 2, submitted: 1, onTime: 0, late: 1, submittedShare: 0.5 });
  });

  it('«Напомнить опоздавшим» mails the active users of late organisations in Russian, once within the interval', async () => {
    received.length = 0;
    const first = await remindLate(analyst, campaignId);
    expect(first.sent.map((s) => s.organisation)).toEqual([world.munB.name]);
    expect(received).toHaveLength(1);
    const [coordinatorBLogin] = (await getDb().select({ login: users.login }).from(users).where(eq(users.id, coordinatorB.id))).map((u) => u.login);
    expect(received[0]!.to).toEqual([coordinatorBLogin]);
    expect(received[0]!.from).toBe('noreply@opora.test');
    expect(received[0]!.subject).toBe(`Напоминание: значения показателей за ${year} год ждали до ${isoDay(-3).split('-').reverse().join('.')} — «Напоминания»`);
    expect(received[0]!.text).toContain(`ждёт от организации «${world.munB.name}»`);
    expect(received[0]!.text).toContain(`/indicators/entry?org=${world.munB.id}&year=${year}`);
    const log = await getDb().select().from(indicatorCampaignReminders).where(eq(indicatorCampaignReminders.campaignId, campaignId));
    expect(log).toEqual([expect.objectContaining({ organisationId: world.munB.id, channel: 'email', state: 'sent', recipient: coordinatorBLogin, sentBy: analyst.id })]);

    // Two presses at once (two portal instances): nothing more goes out.
    const again = await Promise.all([remindLate(analyst, campaignId), remindLate(analyst, campaignId)]);
    expect(again.flatMap((r) => r.sent)).toEqual([]);
    expect(again[0]!.recentlyReminded).toEqual([world.munB.name]);
    expect(received).toHaveLength(1);
  });

  it('two first presses at once send one reminder, not two', async () => {
    const c = await regionCampaign(analyst, { title: 'Одновременно' });
    received.length = 0;
    const results = await Promise.all([remindLate(analyst, c.id), remindLate(analyst, c.id)]);
    // munA submitted the same period already; only munB is late.
    expect(results.flatMap((r) => r.sent).map((s) => s.organisation)).toEqual([world.munB.name]);
    expect(received).toHaveLength(1);
  });

  it('a send the mail server refuses is logged as failed and does not hold back the next press', async () => {
    const c = await regionCampaign(analyst, { title: 'Отказ сервера' });
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(new Error('Ящик недоступен'));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const good = process.env.OPORA_SMTP_URL;
    process.env.OPORA_SMTP_URL = `smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}`;
    try {
      const refused = await remindLate(analyst, c.id);
      expect(refused.sent).toEqual([]);
      expect(refused.failed.map((f) => f.organisation)).toEqual([world.munB.name]);
      const log = await getDb().select().from(indicatorCampaignReminders).where(eq(indicatorCampaignReminders.campaignId, c.id));
      expect(log.map((r) => r.state)).toEqual(['failed']);
    } finally {
      process.env.OPORA_SMTP_URL = good;
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
    received.length = 0;
    const retried = await remindLate(analyst, c.id);
    expect(retried.sent.map((s) => s.organisation)).toEqual([world.munB.name]);
    expect(received).toHaveLength(1);
  });

  it('only those who manage the campaign remind; without SMTP the reminder is refused in Russian', async () => {
    expect((await failure(remindLate(coordinatorB, campaignId))).code).toBe('not_found');
    expect((await failure(remindLate(expert, campaignId))).code).toBe('forbidden');
    const url = process.env.OPORA_SMTP_URL;
    delete process.env.OPORA_SMTP_URL;
    try {
      const off = await failure(remindLate(analyst, campaignId));
      expect(off.code).toBe('conflict');
      expect(off.message).toContain('Рассылка писем выключена');
      expect((await getCampaign(analyst, campaignId)).mailEnabled).toBe(false);
    } finally {
      process.env.OPORA_SMTP_URL = url;
    }
  });

  it('exports the late list as CSV with the organisation and its standing', async () => {
    const file = await exportLateList(analyst, campaignId, 'csv');
    const text = new TextDecoder().decode(file.bytes);
    expect(file.fileName).toMatch(/\.csv$/);
    expect(text).toContain(world.munB.name);
    expect(text).toContain('просрочено');
    expect(text).not.toContain(world.munA.name);
  });
});
