import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import type { PhotoDTO } from '@hg/types';
import { NEED_RULES, PHOTO_TYPES } from '@hg/types/needs';
import { FOCUSABLE } from '../a11y';
import { type PickedPhoto, choosePhotos, compressPhoto, photoSrc, uploadPhoto } from '../../services/upload';
import { withDefaults } from '../defaults';
import { usePhotoViewer } from '../PhotoViewer';
import './index.scss';

export interface PhotoPickerProps {
  id: string;
  label: string;
  photos: PhotoDTO[];
  onChange: (photos: PhotoDTO[]) => void;
  max?: number;
  error?: string | null;
  /** Largest file the server accepts, in bytes; photos are compressed on the device to fit it. */
  maxBytes?: number;
  /** Reports whether an upload is running, so the form can wait before submitting. */
  onBusy?: (busy: boolean) => void;
}

const defaults = {
  max: NEED_RULES.maxPhotos,
  maxBytes: NEED_RULES.photoBytesMax,
  error: null,
  onBusy: (_busy: boolean) => {},
} satisfies Partial<PhotoPickerProps>;

const TYPE_NAME: Record<string, string> = { 'image/gif': 'GIF 动图', 'image/heic': 'HEIC', 'image/heif': 'HEIF', 'image/bmp': 'BMP', 'image/svg+xml': 'SVG' };

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Why one picked file was not added, in words a resident can act on. */
export function refusalOf(photo: PickedPhoto): string | null {
  if ((PHOTO_TYPES as readonly string[]).includes(photo.type)) return null;
  const name = TYPE_NAME[photo.type] ?? (photo.type.startsWith('image/') ? photo.type.slice(6).toUpperCase() : '非图片文件');
  return `只能上传 JPG、PNG 或 WebP 图片（这张是 ${name}）`;
}

/**
 * Pick → check type → compress on the device → upload at once, so the form only ever holds
 * uploaded fileIds and an ordinary 8–12 MB phone photo goes through. Every refused file gets a
 * line under the picker saying which one and why (type, size after compression, count), which
 * stays until the next pick or removal. Thumbnails carry alt text 「照片1」…, open full size on a
 * tap, and each has its own 删除 button.
 */
export default function PhotoPicker(props: PhotoPickerProps) {
  const { id, label, photos, onChange, max, maxBytes, error, onBusy } = withDefaults(props, defaults);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const room = max - photos.length;
  const { open, viewer } = usePhotoViewer(
    photos.map((p) => photoSrc(p.url)),
    '照片',
  );

  const add = async () => {
    if (busy || room <= 0) return;
    const picked = await choosePhotos(room);
    if (!picked.length) return;
    const found: string[] = [];
    // Numbered by the order they were picked in, as the person saw them in the album.
    const nth = (i: number) => (picked.length > 1 ? `所选第${i + 1}张：` : '');
    if (picked.length > room) found.push(`最多${max}张照片，已添加前${room}张，其余${picked.length - room}张未添加`);
    setBusy(true);
    onBusy(true);
    const uploaded: PhotoDTO[] = [];
    for (const [i, p] of picked.slice(0, room).entries()) {
      const refusal = refusalOf(p);
      if (refusal) {
        found.push(`${nth(i)}${refusal}`);
        continue;
      }
      const small = await compressPhoto(p, maxBytes);
      if (!small) {
        found.push(`${nth(i)}图片过大或无法读取，压缩后仍超过 ${mb(maxBytes)}，请换一张`);
        continue;
      }
      const res = await uploadPhoto(small);
      if (res.ok) uploaded.push(res.data);
      else found.push(`${nth(i)}${res.error.message}`);
    }
    setBusy(false);
    onBusy(false);
    setProblems(found);
    if (uploaded.length) onChange([...photos, ...uploaded]);
  };

  const remove = (index: number) => {
    onChange(photos.filter((_, i) => i !== index));
    setProblems([]);
  };

  const shown = error ? [error] : problems;
  return (
    <View className='photos' data-testid={id}>
      <View className='field__label' id={`${id}-label`}>
        {label}（{photos.length}/{max}）
      </View>
      <View className='photos__grid' role='list' aria-labelledby={`${id}-label`}>
        {photos.map((p, i) => (
          <View key={p.fileId} className='photos__item' role='listitem'>
            <View className='photos__open' role='button' {...FOCUSABLE} aria-label={`查看照片${i + 1}大图`} onClick={() => open(i)}>
              <Image className='photos__img' src={photoSrc(p.url)} mode='aspectFill' nativeProps={{ alt: `照片${i + 1}` }} />
            </View>
            <View
              className='photos__remove'
              role='button'
              {...FOCUSABLE}
              aria-label={`删除照片${i + 1}`}
              data-testid={`${id}-remove-${i + 1}`}
              onClick={() => remove(i)}
            >
              删除
            </View>
          </View>
        ))}
        {room > 0 ? (
          <View role='listitem'>
            <View
              className={`photos__add ${busy ? 'photos__add--busy' : ''}`}
              role='button'
              {...FOCUSABLE}
              aria-label={busy ? '照片压缩上传中' : '添加照片'}
              aria-disabled={busy ? 'true' : 'false'}
              data-testid={`${id}-add`}
              onClick={add}
            >
              {busy ? '压缩上传中…' : '＋ 添加照片'}
            </View>
          </View>
        ) : null}
      </View>
      <View className='muted photos__hint'>支持 JPG、PNG、WebP，最多{max}张；大图会自动压缩。</View>
      {shown.length ? (
        <View className='field__error' role='alert' data-testid={`${id}-error`}>
          {shown.map((line, i) => (
            <View key={i}>{line}</View>
          ))}
        </View>
      ) : null}
      {viewer}
    </View>
  );
}
