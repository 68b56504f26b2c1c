/** Placeholder until its helper lands the screen. */
export default function DisplayPage() {
  return null;
}
