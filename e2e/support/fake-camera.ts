/**
 * Clips for Chromium's fake camera, made with ffmpeg from real dataset photos (MJPEG: small, 30 fps,
 * looping). One browser launch plays one clip.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AAF_DIR } from '../../src/test-support/datasets';
export { AAF_DIR };


const clipDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-camera-'));

/** A still photo as a camera clip, letterboxed to 640x480 like a kiosk camera frame. */
export function clipFromPhoto(photo: string): string {
  const out = path.join(clipDir, `${path.basename(photo, path.extname(photo))}.mjpeg`);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-framerate', '30', '-i', photo, '-vf', 'scale=-2:480,pad=640:480:(ow-iw)/2:0,setsar=1,format=yuvj420p', '-t', '2', '-q:v', '3', '-f', 'mjpeg', out]);
  return out;
}

/** An empty grey scene: nobody in front of the kiosk. */
export function emptySceneClip(): string {
  const out = path.join(clipDir, 'empty.mjpeg');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x808080:s=640x480:d=2:r=30', '-pix_fmt', 'yuvj420p', '-q:v', '3', '-f', 'mjpeg', out]);
  return out;
}

export function fakeCameraArgs(clip: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${clip}`];
}
