import type { ConnectionDetail } from '../../../shared/engine';
import { useLabStore } from '../store/lab-store';
import { formatBytes } from './format';
import { OpenFor } from './OpenFor';

function status(detail: ConnectionDetail): string {
  if (detail.error) return `error: ${detail.error}`;
  if (detail.readClosed) return 'peer closed, flushing its queue';
  if (detail.eof) return 'peer sent EOF (not read yet)';
  if (detail.backpressure)
    return `not read: ${detail.backpressure === 'queue-cap' ? 'its queue at the cap' : 'all queues at the cap, and it holds more than its share'}`;
  return 'open';
}

/** Who it is, what it did, and how full its send buffer is. */
export function ConnectionFacts({ detail }: { detail: ConnectionDetail }) {
  const sendBufferSize = useLabStore((s) => s.engine?.options.sendBufferSize ?? 65536);
  const fill = Math.min(1, detail.sendBuffered / sendBufferSize);
  return (
    <>
      <h3>
        #{detail.id} <span className="muted">fd {detail.fd}</span>{' '}
        <span className="muted">{detail.peer}</span>
      </h3>
      <p className="detail-status">
        {status(detail)} · <OpenFor since={detail.openedAt} />
      </p>
      <dl className="facts">
        <dt>bytes in</dt>
        <dd>{formatBytes(detail.bytesIn)}</dd>
        <dt>bytes out</dt>
        <dd>{formatBytes(detail.bytesOut)}</dd>
        <dt>waiting for recv()</dt>
        <dd>{formatBytes(detail.recvBuffered)}</dd>
        {detail.bytesLost > 0 && (
          <>
            <dt>lost</dt>
            <dd className="lost">{formatBytes(detail.bytesLost)}</dd>
          </>
        )}
      </dl>
      <div className="meter-row">
        <span>send buffer</span>
        <div
          className="meter"
          role="meter"
          aria-label="Send buffer"
          aria-valuemin={0}
          aria-valuemax={sendBufferSize}
          aria-valuenow={detail.sendBuffered}
          aria-valuetext={`${formatBytes(detail.sendBuffered)} of ${formatBytes(sendBufferSize)}`}
        >
          <div className="meter-fill" style={{ width: `${fill * 100}%` }} />
        </div>
        <span className="muted">
          {formatBytes(detail.sendBuffered)} / {formatBytes(sendBufferSize)}
        </span>
      </div>
    </>
  );
}
