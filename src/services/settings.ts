import { client } from './client';

/** The `settings` function (城市配置): the city admin lists, saves and reads the history of each section. */
export const settings = client('settings', ['list', 'save', 'history']);
