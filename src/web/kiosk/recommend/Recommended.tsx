/**
 * Suggested dishes with the reason for each, above the full menu (which stays right below, one
 * scroll or tap away), and "often ordered together" on the cart screen.
 */
import type { RecommendationsResponse } from '../../../contracts/http';
import type { MenuItem } from '../../../domain/menu';
import { ItemCard } from '../components/ItemCard';
import { useKiosk } from '../state/kiosk-context';
import { useRecommendations } from './use-recommendations';

type Suggestion = RecommendationsResponse['items'][number];

export function RecommendedDishes({ pictureSize }: { pictureSize: number }) {
  const { t } = useKiosk();
  const answer = useRecommendations();
  if (!answer || answer.items.length === 0) return null;
  const title = answer.audience.kind === 'group' ? t.recommend.groupTitle(t.recommend.audience(answer.audience.segment, answer.audience.seniorAge)) : t.recommend.popularTitle;
  return <SuggestionStrip className="recommended" title={title} suggestions={answer.items} pictureSize={pictureSize} />;
}

export function OrderedTogether({ pictureSize }: { pictureSize: number }) {
  const { t } = useKiosk();
  const answer = useRecommendations();
  if (!answer || answer.pairs.length === 0) return null;
  return <SuggestionStrip className="ordered-together" title={t.recommend.pairsTitle} suggestions={answer.pairs} pictureSize={pictureSize} />;
}

type StripProps = { className: string; title: string; suggestions: Suggestion[]; pictureSize: number };

function SuggestionStrip({ className, title, suggestions, pictureSize }: StripProps) {
  const { menu, language, t } = useKiosk();
  const dishes = suggestions.flatMap((suggestion) => {
    const item = menu.items.find((candidate) => candidate.id === suggestion.itemId);
    return item && !item.soldOut ? [{ item, suggestion }] : [];
  });
  if (dishes.length === 0) return null;
  const reasonOf = ({ reason }: Suggestion): string => {
    if (reason.kind === 'group') return t.recommend.byGroup(reason.lift);
    if (reason.kind === 'popular') return t.recommend.popular;
    const companion: MenuItem | undefined = menu.items.find((item) => item.id === reason.with);
    return t.recommend.withDish(companion ? companion[language] : reason.with);
  };
  return (
    <section className={`suggestions ${className}`} aria-labelledby={`${className}-title`}>
      <h2 id={`${className}-title`} className="suggestions-title">
        {title}
      </h2>
      <ul className="suggestion-list">
        {dishes.map(({ item, suggestion }) => (
          <li key={item.id} className="suggestion" data-reason={suggestion.reason.kind}>
            <ItemCard item={item} pictureSize={pictureSize} />
            <p className="suggestion-reason">{reasonOf(suggestion)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
