import type { EntityManager } from 'typeorm';
import { invalidInput } from '../../core/errors';
import type { Platform } from '../../core/platform';
import { NeedPhoto } from './need-photo.entity';

/** Check every uploaded photo exists, then attach them (duplicates dropped). */
export async function attachPhotos(
  em: EntityManager,
  platform: Platform,
  needId: number,
  kind: 'report' | 'resolution',
  fileIds: string[],
  uploaderId: number,
  now: Date,
): Promise<void> {
  const unique = [...new Set(fileIds)];
  for (const fileId of unique) {
    if (!(await platform.photos.exists(fileId))) throw invalidInput('photoIds', '图片不存在或已过期，请重新上传');
  }
  if (unique.length)
    await em.insert(
      NeedPhoto,
      unique.map((fileId) => ({ needId, kind, fileId, uploaderId, createdAt: now })),
    );
}
