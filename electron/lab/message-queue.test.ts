// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MESSAGE_OVERHEAD, MessageQueue } from './message-queue';
import { Ring } from './ring';

describe('MessageQueue', () => {
  it('is FIFO, counts bytes, charges the shared tally per message too, and puts a remainder back at the head', () => {
    const tally = { charged: 0 };
    const a = new MessageQueue(tally);
    const b = new MessageQueue(tally);
    a.put(Buffer.from('one'));
    a.put(Buffer.from('three'));
    b.put(Buffer.from('xy'));
    expect([a.bytes, b.bytes, tally.charged]).toEqual([8, 2, 10 + 3 * MESSAGE_OVERHEAD]);
    expect(a.charged).toBe(8 + 2 * MESSAGE_OVERHEAD);
    expect(a.getNowait()?.toString()).toBe('one');
    a.putFront(Buffer.from('ne'));
    expect(a.peek(5).map(String)).toEqual(['ne', 'three']);
    expect(a.clear()).toBe(7);
    expect(a.getNowait()).toBeUndefined();
    expect([a.length, a.charged, tally.charged]).toEqual([0, 0, 2 + MESSAGE_OVERHEAD]);
  });

  it('keeps order across compaction of a long-lived queue', () => {
    const queue = new MessageQueue({ charged: 0 });
    for (let i = 0; i < 5000; i++) queue.put(Buffer.from(String(i)));
    for (let i = 0; i < 4000; i++) expect(queue.getNowait()?.toString()).toBe(String(i));
    queue.putFront(Buffer.from('back'));
    expect(queue.getNowait()?.toString()).toBe('back');
    expect(queue.getNowait()?.toString()).toBe('4000');
    expect(queue.length).toBe(999);
  });
});

describe('Ring', () => {
  it('keeps the newest items in order and resizes', () => {
    const ring = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    ring.resize(2);
    expect(ring.toArray()).toEqual([4, 5]);
    ring.push(6);
    expect(ring.toArray()).toEqual([5, 6]);
  });
});
