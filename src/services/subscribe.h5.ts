import type { MessageKind } from '@hg/types/links';

/** Browsers have no subscribe messages; the message centre covers updates. */
export async function requestSubscribe(_kinds: MessageKind[]): Promise<void> {}
