import Link from 'next/link';
import type { Actor } from '@/lib/auth/actor';
import { owedCampaignSentence } from '@/lib/home/start-page';
import { campaignPeriodLabel, COMPLETENESS_LABELS } from '@/lib/indicators/campaigns/completeness';
import { owedCampaigns } from '@/lib/indicators/campaigns/queries';

/**
 * «Ждут ваших значений»: open data collection campaigns that ask the user's organisation and that it has not yet
 * submitted — late ones first, said in words («просрочено»), with a link to the entry screen. Nothing when none.
 */
export async function CampaignReminders({ actor }: { actor: Actor }) {
  const owed = await owedCampaigns(actor);
  if (owed.length === 0) return null;
  return (
    <section aria-labelledby="owed-campaigns" className="mb-8">
      <h2 id="owed-campaigns" className="mb-3 text-lg font-semibold">
        Ждут ваших значений показателей
      </h2>
      <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
        {owed.map((c) => (
          <li key={c.campaignId} className={`px-4 py-3 text-sm ${c.completeness.late ? 'border-l-4 border-red-600' : ''}`}>
            <span className="font-medium">{c.title}</span> — {campaignPeriodLabel(c.year, c.quarter)}, {c.organisationName}
            <span className="block">
              {c.completeness.late && <strong className="text-red-800">Просрочено. </strong>}
              {owedCampaignSentence({ ...c.completeness, dueDate: c.dueDate, askingName: c.askingName })} Состояние: {COMPLETENESS_LABELS[c.completeness.status]}.
            </span>
            {c.canEnter && (
              <Link href={c.entryHref} className="underline">
                Ввести и представить значения
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
