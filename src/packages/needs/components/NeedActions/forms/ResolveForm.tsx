import { useState } from 'react';
import type { PhotoDTO } from '@hg/types';
import { NEED_RULES } from '@hg/types/needs';
import PhotoPicker from '../../../../../components/PhotoPicker';
import TextBox from '../../../../../components/TextBox';
import { needs } from '../../../../../services/needs';
import Confirm from './Confirm';
import type { FormProps } from './types';

/** 办结: a note and at least one photo of the finished work; waits for running uploads. */
export default function ResolveForm({ need, busy, run, close }: FormProps) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoDTO[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<{ note?: string; photos?: string }>({});
  return (
    <>
      <TextBox
        id='resolve-note'
        label='办结说明'
        value={note}
        onChange={(v) => {
          setNote(v);
          setErrors((e) => ({ ...e, note: undefined }));
        }}
        max={NEED_RULES.noteMax}
        error={errors.note}
      />
      <PhotoPicker
        id='resolve-photos'
        label='办结照片（至少1张）'
        photos={photos}
        onChange={(p) => {
          setPhotos(p);
          setErrors((e) => ({ ...e, photos: undefined }));
        }}
        onBusy={setUploading}
        error={errors.photos}
      />
      <Confirm
        label='确认办结'
        busy={busy || uploading}
        onCancel={close}
        onConfirm={() => {
          const found = { ...(note.trim() ? {} : { note: '请填写办结说明' }), ...(photos.length ? {} : { photos: '请至少上传1张办结照片' }) };
          setErrors(found);
          if (!note.trim() || !photos.length || uploading) return;
          void run(() => needs.resolve({ needId: need.id, note: note.trim(), photoIds: photos.map((p) => p.fileId) }));
        }}
      />
    </>
  );
}
