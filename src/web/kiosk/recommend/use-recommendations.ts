/**
 * What to suggest to the customer in front of the kiosk: asked of the server whenever the
 * customer's group or the dishes in the cart change. Suggestions are a help, not a step: if the
 * server cannot answer, the kiosk simply shows the menu.
 */
import { useEffect, useState } from 'react';
import type { RecommendationsResponse } from '../../../contracts/http';
import { kioskApi } from '../api/kiosk-api';
import { useKiosk } from '../state/kiosk-context';

export function useRecommendations(): RecommendationsResponse | null {
  const { state } = useKiosk();
  const [answer, setAnswer] = useState<RecommendationsResponse | null>(null);
  const cart = [...new Set(state.cart.map((line) => line.itemId))].sort().join(',');
  useEffect(() => {
    let current = true;
    kioskApi.recommendations(state.customerGroup, cart).then(
      (fresh) => current && setAnswer(fresh),
      () => current && setAnswer(null),
    );
    return () => {
      current = false;
    };
  }, [state.customerGroup, cart]);
  return answer;
}
