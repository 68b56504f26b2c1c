/** Placeholder until its helper lands the screen. */
export default function QueuePage() {
  return null;
}
