import type { ActionTableFor } from '../../core/action';
import type { DomainModule } from '../../core/module';
import { communityModule } from '../community';
import { identityModule } from '../identity';
import { closeAgreement } from './actions/close-agreement';
import { confirmDelivery } from './actions/confirm-delivery';
import { createAgreement } from './actions/create-agreement';
import { declineDelivery } from './actions/decline-delivery';
import { getDepartmentProgress } from './actions/department-progress';
import { editAgreement } from './actions/edit-agreement';
import { getAgreement } from './actions/get-agreement';
import { listAgreements } from './actions/list-agreements';
import { listDeliveries } from './actions/list-deliveries';
import { recordDelivery } from './actions/record-delivery';
import { signAgreement } from './actions/sign-agreement';
import { cobuildingDemoSeed } from './demo-seed';
import { COBUILDING_ENTITIES } from './entities';
import { Cobuilding1766500000000 } from './migrations/1766500000000-Cobuilding';

/** The `cobuilding` cloud function's action table. */
export const cobuildingActions = {
  list: listAgreements,
  get: getAgreement,
  create: createAgreement,
  edit: editAgreement,
  sign: signAgreement,
  close: closeAgreement,
  deliver: recordDelivery,
  confirm: confirmDelivery,
  decline: declineDelivery,
  deliveries: listDeliveries,
  departments: getDepartmentProgress,
} satisfies ActionTableFor<'cobuilding'>;

/**
 * 契约化共建: agreements between the city's departments and streets or communities, their items,
 * and deliveries that count once the street or community confirmed them. Reads places and
 * organisations from community, people and roles from identity.
 */
export const cobuildingModule: DomainModule = {
  name: 'cobuilding',
  entities: COBUILDING_ENTITIES,
  migrations: [Cobuilding1766500000000],
  requires: [identityModule, communityModule],
  functions: { cobuilding: cobuildingActions },
  subjects: ['cobuilding_agreement', 'cobuilding_delivery'],
  capabilities: ['cobuilding', 'confirmDeliveries'],
  seed: cobuildingDemoSeed,
};
