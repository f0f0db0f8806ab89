import { CommentForm } from '@/components/roadmaps/CommentForm';
import { ChangesSinceApproval } from '@/components/roadmaps/ChangesSinceApproval';
import { ReviewThread } from '@/components/roadmaps/ReviewThread';
import type { RoadmapDetail } from '@/lib/roadmaps/views';
import { approveRoadmapAction, commentOnReviewAction, returnRoadmapAction, submitRoadmapAction } from '../actions';
import { itemLabel, sectionTitle } from '@/components/roadmaps/labels';

/**
 * Review of a school road map: the whole conversation, and the forms the user may use now — the school team
 * submits a draft or a returned map; a curator, methodologist or coordinator approves or returns one on review.
 */
export function ReviewPanel({ detail }: { detail: RoadmapDetail }) {
  const { roadmap, permissions, review } = detail;
  const items = new Map(detail.sections.flatMap((s) => s.items).map((item) => [item.id, item]));
  const hidden = { roadmapId: roadmap.id, version: roadmap.version };
  const canSubmitNow = permissions.canSubmit && (roadmap.status === 'draft' || roadmap.status === 'needs_revision');
  const canDecideNow = permissions.canReview && roadmap.status === 'on_review';
  return (
    <section aria-labelledby="review-title" className="space-y-4 rounded border border-slate-200 bg-white p-4">
      <h2 id="review-title" className="text-lg font-semibold">
        Согласование
      </h2>
      <ReviewThread
        events={review}
        itemHref={(itemId) => `/roadmaps/${roadmap.id}/items/${itemId}`}
        itemLabel={(itemId) => {
          const item = items.get(itemId);
          return item ? `мероприятие ${itemLabel(item)}` : 'мероприятие';
        }}
      />
      {detail.sinceApproval && (
        <ChangesSinceApproval
          since={detail.sinceApproval}
          entityLabel={(type, id) => {
            const item = type === 'roadmap_item' ? items.get(id) : undefined;
            return item ? itemLabel(item) : null;
          }}
          names={Object.fromEntries(detail.sections.map((s) => [s.id, { name: sectionTitle(s), href: null }]))}
        />
      )}
      {canSubmitNow && (
        <CommentForm action={submitRoadmapAction} hidden={hidden} idPrefix="submit" label="Комментарий к отправке (необязательно)" submitLabel="Отправить на согласование" />
      )}
      {canDecideNow && (
        <div className="grid gap-4 md:grid-cols-2">
          <CommentForm action={approveRoadmapAction} hidden={hidden} idPrefix="approve" label="Комментарий к утверждению (необязательно)" submitLabel="Утвердить" />
          <CommentForm action={returnRoadmapAction} hidden={hidden} idPrefix="return" label="Замечания для доработки" submitLabel="Вернуть на доработку" variant="danger" />
        </div>
      )}
      {(permissions.canReview || permissions.canSubmit) && (
        <CommentForm action={commentOnReviewAction} hidden={{ roadmapId: roadmap.id }} idPrefix="comment" label="Комментарий ко всей дорожной карте" submitLabel="Добавить комментарий" variant="secondary" />
      )}
    </section>
  );
}
