import { COMPOUND_TYPE_LABEL, ORG_KIND_LABEL, type BuildingDTO, type CompoundSummaryDTO, type OrgDTO } from '@hg/types';
import type { Building } from './building.entity';
import type { Community } from './community.entity';
import type { Compound } from './compound.entity';
import type { Organisation } from './organisation.entity';
import type { Street } from './street.entity';
import type { Unit } from './unit.entity';

export function presentOrg(o: Organisation): OrgDTO {
  return { id: o.id, name: o.name, kind: o.kind, kindLabel: ORG_KIND_LABEL[o.kind], hotline: o.hotline };
}

export function presentCompoundSummary(c: Compound, community: Community, street: Street): CompoundSummaryDTO {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    typeLabel: COMPOUND_TYPE_LABEL[c.type],
    code: c.code,
    community: { id: community.id, name: community.name },
    street: { id: street.id, name: street.name },
  };
}

export function presentBuilding(b: Building, units: Unit[]): BuildingDTO {
  return { id: b.id, name: b.name, code: b.code, units: units.map((u) => ({ id: u.id, name: u.name })) };
}
