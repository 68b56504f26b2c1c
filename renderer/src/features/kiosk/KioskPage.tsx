/** Placeholder until its helper lands the screen. */
export default function KioskPage() {
  return null;
}
