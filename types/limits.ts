/** Field limits shared by the forms (src/) and the request schemas (types/schemas). */
export const LIMITS = {
  nameMax: 20,
  phoneLength: 11,
  roomMax: 10,
  reasonMax: 200,
  sceneMax: 32,
  idMax: 2_147_483_647,
  pageSizeMax: 100,
  /** Gateway request body limit in bytes. Photos never travel inside an action call. */
  bodyBytesMax: 256 * 1024,
} as const;

/** Mainland mobile number: 11 digits starting with 1. Demo data uses 1000000xxxx, a prefix no carrier issues. */
export const PHONE_PATTERN = /^1\d{10}$/;
/** Characters WeChat allows in a wxacode scene (RECIPES: WeChat cloud). */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
/** Room numbers: digits, letters and '-' ("502", "B-1203"). */
export const ROOM_PATTERN = /^[0-9A-Za-z-]+$/;

/**
 * A photo in the local store (gateway uploads): `local/<sha256>.<ext>`, the file name being the
 * content hash. The gateway writes these, the photo store checks them, the schemas accept them.
 */
export const LOCAL_PHOTO_ID_PATTERN = /^local\/([0-9a-f]{64}\.(jpg|png|webp))$/;
/** A WeChat cloud storage fileID. */
export const CLOUD_FILE_ID_PATTERN = /^cloud:\/\/[\w.\-/]{1,240}$/;
