const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

/** A host other than this machine's loopback: binding it lets the network in. */
export const isExposedHost = (host: string): boolean => host.trim() !== '' && !LOOPBACK.test(host.trim());

export const HOST_WARNING_ID = 'host-warning';

/**
 * Shown beside Host while it names a non-loopback address: other machines could connect.
 * `confirming`: Start Server was clicked once; the next click starts it there.
 */
export function HostWarning({ host, confirming }: { host: string; confirming: boolean }) {
  if (!isExposedHost(host)) return null;
  return (
    <p
      className={
        confirming ? 'field-warning host-warning host-warning-confirm' : 'field-warning host-warning'
      }
      id={HOST_WARNING_ID}
      role={confirming ? 'alert' : 'note'}
      aria-label="Host warning"
    >
      <span aria-hidden="true">⚠ </span>
      Not loopback: other machines on your network can connect to this echo server.
      {confirming && <strong> Click Start Server again to listen on {host.trim()}.</strong>}
    </p>
  );
}
