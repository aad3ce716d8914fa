import { client } from './client';

/** The timer function (deployed as `escalation`): the city admin reads how its jobs ran (定时任务). */
export const escalation = client('escalation', ['jobs']);
