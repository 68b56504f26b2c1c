/** Placeholder until its helper lands the screen. */
export default function RequestsPage() {
  return null;
}
