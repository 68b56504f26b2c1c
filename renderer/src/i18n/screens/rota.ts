/** Words on the screens of rota. */
export const rotaScreens: Record<string, string> = {
  'nav.rota': '值班表',
};
