import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveAppPath } from './app-protocol';
import { contentType } from '../static-path';
import { APP_SCHEME } from './window';

/**
 * Must run synchronously while main.ts loads, before app `ready`: app:// then behaves
 * like https (secure, standard, fetch-able), so 'self' in the CSP means the app.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `root` over app://socket-lab/ (never file://, which would expose the disk). */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, root);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, {
      headers: { 'content-type': contentType(file), 'x-content-type-options': 'nosniff' },
    });
  });
}
