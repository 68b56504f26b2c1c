/** Placeholder until its helper lands the screen. */
export default function FiguresPage() {
  return null;
}
