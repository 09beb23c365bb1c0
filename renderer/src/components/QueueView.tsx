import { useState } from 'react';
import type { ConnectionDetail } from '../../../shared/engine';
import { bytesAsHex, bytesAsText, formatBytes, fromBase64 } from './format';

type Encoding = 'text' | 'hex';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The connection's message queue, head first, each message as text or hex. */
export function QueueView({ detail }: { detail: ConnectionDetail }) {
  const [encoding, setEncoding] = useState<Encoding>('text');
  return (
    <div className="queue">
      <div className="queue-header">
        <h4>
          message_queues[#{detail.id}]
          <span className="muted queue-count">
            {plural(detail.queue.length + detail.queueMore, 'message')} · {formatBytes(detail.queuedBytes)}
          </span>
        </h4>
        <div className="toggle" role="group" aria-label="Show messages as">
          {(['text', 'hex'] as const).map((e) => (
            <button
              key={e}
              type="button"
              className="btn btn-small"
              aria-pressed={encoding === e}
              onClick={() => setEncoding(e)}
            >
              {e}
            </button>
          ))}
        </div>
      </div>
      {detail.queue.length === 0 ? (
        <p className="panel-empty">Empty: nothing waiting to be echoed.</p>
      ) : (
        <ol className="queue-messages" aria-label="Queue">
          {detail.queue.map((message, index) => {
            const bytes = fromBase64(message.preview);
            const shown = encoding === 'text' ? bytesAsText(bytes) : bytesAsHex(bytes);
            return (
              <li key={index} className="queue-message">
                <span className="queue-size">{formatBytes(message.bytes)}</span>
                {/* A recording keeps sizes, never the bytes: a message with no preview says so. */}
                {bytes.length === 0 && message.bytes > 0 ? (
                  <span className="muted queue-preview">contents not recorded</span>
                ) : (
                  <code className="queue-preview">
                    {shown}
                    {bytes.length < message.bytes ? '…' : ''}
                  </code>
                )}
              </li>
            );
          })}
          {detail.queueMore > 0 && <li className="muted">and {detail.queueMore} more</li>}
        </ol>
      )}
    </div>
  );
}
