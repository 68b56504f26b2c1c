/** Placeholder until its helper lands the screen. */
export default function TodoPage() {
  return null;
}
