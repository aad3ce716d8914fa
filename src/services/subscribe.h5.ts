/** Browsers have no subscribe messages; the message centre covers updates. */
export async function requestNeedUpdates(): Promise<void> {}
