import { forbidden } from '../../core/errors';
import { isCityAdmin, type Actor } from '../identity/public';

/**
 * City settings are the city admin's: only they list, change and read the history of a section
 * (the values themselves reach everyone through the domains that apply them, e.g. a quote's price).
 */
export function assertMayEditSettings(actor: Actor | null): void {
  if (!isCityAdmin(actor)) throw forbidden('只有市级管理员可以查看和修改城市配置');
}
