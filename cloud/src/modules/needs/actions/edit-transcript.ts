import { ZEditNeedTranscriptRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { editNeedTranscript } from '../need-voice-notes';
import { presentDetail } from '../need.presenter';

/** 修改语音文字: the speaker or the staff handling the need correct a voice note's transcript. */
export const editTranscript = defineAction({
  input: ZEditNeedTranscriptRequest,
  async handler(input, ctx) {
    const need = await editNeedTranscript(ctx, input);
    return presentDetail(ctx.ds.manager, need, ctx.actor, clock.now());
  },
});
