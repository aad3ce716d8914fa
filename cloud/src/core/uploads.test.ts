import { photoUrl, presentPhotoId } from './uploads';

describe('photoUrl', () => {
  it('serves local store ids from the gateway and shows cloud fileIDs as they are', () => {
    expect(photoUrl('local/ab12.jpg')).toBe('/uploads/ab12.jpg');
    expect(photoUrl('local/cd34.wav')).toBe('/uploads/cd34.wav');
    expect(photoUrl('cloud://env-1.abcd/needs/1.jpg')).toBe('cloud://env-1.abcd/needs/1.jpg');
    expect(presentPhotoId('local/ab12.jpg')).toEqual({ fileId: 'local/ab12.jpg', url: '/uploads/ab12.jpg' });
  });
});
