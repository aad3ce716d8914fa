/**
 * Neutral default (type checker, jest) and the mini-program: WeChat draws its own navigation bar
 * with a back button (and a home button when a page was opened directly), so nothing is added.
 * The H5 build picks `BackBar.h5.tsx`.
 */
export default function BackBar() {
  return null;
}
