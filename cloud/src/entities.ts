import { Building } from './modules/community/building.entity';
import { Community } from './modules/community/community.entity';
import { Compound } from './modules/community/compound.entity';
import { OrganisationCompound } from './modules/community/organisation-compound.entity';
import { Organisation } from './modules/community/organisation.entity';
import { Street } from './modules/community/street.entity';
import { Unit } from './modules/community/unit.entity';
import { HouseholdMember } from './modules/households/household-member.entity';
import { Household } from './modules/households/household.entity';
import { MembershipEvent } from './modules/households/membership-event.entity';
import { NeedCategory } from './modules/needs/need-category.entity';
import { NeedComment } from './modules/needs/need-comment.entity';
import { NeedEvent } from './modules/needs/need-event.entity';
import { NeedPhoto } from './modules/needs/need-photo.entity';
import { Need } from './modules/needs/need.entity';
import { Notification } from './modules/notifications/notification.entity';
import { RoleAssignment } from './modules/users/role-assignment.entity';
import { User } from './modules/users/user.entity';

/** Every entity, registered once for the DataSource. */
export const ENTITIES = [
  Street,
  Community,
  Compound,
  Building,
  Unit,
  Organisation,
  OrganisationCompound,
  User,
  RoleAssignment,
  Household,
  HouseholdMember,
  MembershipEvent,
  NeedCategory,
  Need,
  NeedEvent,
  NeedComment,
  NeedPhoto,
  Notification,
];
