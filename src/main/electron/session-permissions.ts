import type { Session } from 'electron';

/**
 * The app needs no camera, microphone, notifications, geolocation, clipboard-read, HID,
 * serial or USB: every request and every check is answered no.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
