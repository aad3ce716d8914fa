import { LIMITS, ROOM_PATTERN } from '@hg/types/limits';
import type { RoomChoice, RoomErrors } from '../components/RoomPicker';

/** The rules of a room choice, as the server's schemas check them (ZBindHouseholdRequest, ZLookupHouseholdRequest). */
export function validateRoomChoice(choice: RoomChoice): RoomErrors {
  const errors: RoomErrors = {};
  if (!choice.buildingId) errors.buildingId = '请选择楼栋';
  if (!choice.unitId) errors.unitId = '请选择单元';
  const room = choice.room.trim();
  if (!room) errors.room = '请填写房号';
  else if (room.length > LIMITS.roomMax) errors.room = `房号不超过${LIMITS.roomMax}个字符`;
  else if (!ROOM_PATTERN.test(room)) errors.room = '房号只能包含数字、字母和-';
  return errors;
}
