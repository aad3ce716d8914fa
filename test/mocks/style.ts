// Styles have no meaning in jsdom; components import them for the real build only.
export default {};
