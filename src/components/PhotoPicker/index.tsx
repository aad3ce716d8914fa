import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import type { PhotoDTO } from '@hg/types';
import { NEED_RULES, PHOTO_TYPES } from '@hg/types/needs';
import { FOCUSABLE } from '../a11y';
import { choosePhotos, photoSrc, uploadPhoto } from '../../services/upload';
import { withDefaults } from '../defaults';
import './index.scss';

export interface PhotoPickerProps {
  id: string;
  label: string;
  photos: PhotoDTO[];
  onChange: (photos: PhotoDTO[]) => void;
  max?: number;
  error?: string | null;
  /** Largest accepted file in bytes. */
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

/**
 * Pick → check type and size → upload at once, so the form only ever holds uploaded fileIds.
 * Thumbnails carry alt text 「照片1」…; each has its own 删除 button.
 */
export default function PhotoPicker(props: PhotoPickerProps) {
  const { id, label, photos, onChange, max, maxBytes, error, onBusy } = withDefaults(props, defaults);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const room = max - photos.length;

  const add = async () => {
    if (busy || room <= 0) return;
    const picked = await choosePhotos(room);
    if (!picked.length) return;
    const problems: string[] = [];
    if (picked.length > room) problems.push(`最多${max}张照片，已选前${room}张`);
    const accepted = picked.slice(0, room).filter((p) => {
      if (!(PHOTO_TYPES as readonly string[]).includes(p.type)) {
        problems.push('只能上传 JPG、PNG 或 WebP 图片');
        return false;
      }
      if (p.size > maxBytes) {
        problems.push(`单张图片不能超过 ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`);
        return false;
      }
      return true;
    });
    setBusy(true);
    onBusy(true);
    const uploaded: PhotoDTO[] = [];
    for (const p of accepted) {
      const res = await uploadPhoto(p);
      if (res.ok) uploaded.push(res.data);
      else problems.push(res.error.message);
    }
    setBusy(false);
    onBusy(false);
    setMessage(problems.length ? [...new Set(problems)].join('；') : null);
    if (uploaded.length) onChange([...photos, ...uploaded]);
  };

  const remove = (index: number) => {
    onChange(photos.filter((_, i) => i !== index));
    setMessage(null);
  };

  const shown = error ?? message;
  return (
    <View className='photos' data-testid={id}>
      <View className='field__label' id={`${id}-label`}>
        {label}（{photos.length}/{max}）
      </View>
      <View className='photos__grid' role='list' aria-labelledby={`${id}-label`}>
        {photos.map((p, i) => (
          <View key={p.fileId} className='photos__item' role='listitem'>
            <Image className='photos__img' src={photoSrc(p.url)} mode='aspectFill' nativeProps={{ alt: `照片${i + 1}` }} />
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
              aria-label={busy ? '照片上传中' : '添加照片'}
              aria-disabled={busy ? 'true' : 'false'}
              data-testid={`${id}-add`}
              onClick={add}
            >
              {busy ? '上传中…' : '＋ 添加照片'}
            </View>
          </View>
        ) : null}
      </View>
      {shown ? (
        <View className='field__error' role='alert' data-testid={`${id}-error`}>
          {shown}
        </View>
      ) : null}
    </View>
  );
}
