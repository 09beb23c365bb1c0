// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MessageQueue } from './message-queue';
import { Ring } from './ring';

describe('MessageQueue', () => {
  it('is FIFO, counts bytes in the queue and the shared tally, and puts a remainder back at the head', () => {
    const tally = { bytes: 0 };
    const a = new MessageQueue(tally);
    const b = new MessageQueue(tally);
    a.put(Buffer.from('one'));
    a.put(Buffer.from('three'));
    b.put(Buffer.from('xy'));
    expect([a.bytes, b.bytes, tally.bytes]).toEqual([8, 2, 10]);
    expect(a.getNowait()?.toString()).toBe('one');
    a.putFront(Buffer.from('ne'));
    expect(a.peek(5).map(String)).toEqual(['ne', 'three']);
    expect(a.clear()).toBe(7);
    expect(a.getNowait()).toBeUndefined();
    expect([a.length, tally.bytes]).toEqual([0, 2]);
  });

  it('keeps order across compaction of a long-lived queue', () => {
    const queue = new MessageQueue({ bytes: 0 });
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
