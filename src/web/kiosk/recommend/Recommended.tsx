/**
 * Suggested dishes with the reason for each, above the full menu (which stays right below, one
 * scroll or tap away), and "often ordered together" on the cart screen. Titles and reasons say
 * only what is popular: never whom the camera took the customer for.
 */
import type { RecommendationsResponse } from '../../../contracts/http';
import type { MenuItem } from '../../../domain/menu';
import { ItemCard } from '../components/ItemCard';
import { useKiosk } from '../state/kiosk-context';
import { useRecommendations } from './use-recommendations';

type Suggestion = RecommendationsResponse['items'][number];

/** A dish that can be ordered now, with why it is suggested in words for the customer. */
export type SuggestedDish = { item: MenuItem; kind: Suggestion['reason']['kind']; reason: string };

/** The store's suggestions (`items`) or what goes with the cart (`pairs`), sold-out dishes left out. */
export function useSuggestedDishes(which: 'items' | 'pairs'): SuggestedDish[] {
  const { menu, language, t } = useKiosk();
  const answer = useRecommendations();
  if (!answer) return [];
  const reasonOf = ({ reason }: Suggestion): string => {
    if (reason.kind === 'group') return t.recommend.favourite;
    if (reason.kind === 'popular') return t.recommend.popular;
    const companion: MenuItem | undefined = menu.items.find((item) => item.id === reason.with);
    return t.recommend.withDish(companion ? companion[language] : reason.with);
  };
  return answer[which].flatMap((suggestion) => {
    const item = menu.items.find((candidate) => candidate.id === suggestion.itemId);
    return item && !item.soldOut ? [{ item, kind: suggestion.reason.kind, reason: reasonOf(suggestion) }] : [];
  });
}

export function RecommendedDishes({ pictureSize }: { pictureSize: number }) {
  const { t } = useKiosk();
  return <SuggestionStrip className="recommended" title={t.recommend.title} dishes={useSuggestedDishes('items')} pictureSize={pictureSize} />;
}

export function OrderedTogether({ pictureSize }: { pictureSize: number }) {
  const { t } = useKiosk();
  return <SuggestionStrip className="ordered-together" title={t.recommend.pairsTitle} dishes={useSuggestedDishes('pairs')} pictureSize={pictureSize} />;
}

type StripProps = { className: string; title: string; dishes: SuggestedDish[]; pictureSize: number };

export function SuggestionStrip({ className, title, dishes, pictureSize }: StripProps) {
  if (dishes.length === 0) return null;
  return (
    <section className={`suggestions ${className}`} aria-labelledby={`${className}-title`}>
      <h2 id={`${className}-title`} className="suggestions-title">
        {title}
      </h2>
      <ul className="suggestion-list">
        {dishes.map(({ item, kind, reason }) => (
          <li key={item.id} className="suggestion" data-reason={kind}>
            <ItemCard item={item} pictureSize={pictureSize} />
            <p className="suggestion-reason">{reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
