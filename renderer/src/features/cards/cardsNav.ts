import { createContext, useContext } from 'react';

/**
 * The card screens open each other's records (a household's application, an application's card), so
 * the drawers and dialogs live once on the page and every list or drawer opens them through this.
 */
export interface CardsNav {
  openHousehold(id: string): void;
  editHousehold(id: string | null): void;
  openApplication(id: string): void;
  newApplication(householdId: string | null): void;
  openCard(id: string): void;
  printCard(id: string): void;
}

export const CardsNavContext = createContext<CardsNav | null>(null);

export function useCardsNav(): CardsNav {
  const nav = useContext(CardsNavContext);
  if (!nav) throw new Error('useCardsNav outside the cards page');
  return nav;
}
