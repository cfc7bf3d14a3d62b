import type { Server } from 'socket.io';

export interface SlowConsumerLimits {
  /** Packets engine.io holds for a socket whose transport is still busy with earlier ones. */
  maxQueuedPackets: number;
  /** Bytes written to the socket but not yet taken by the peer's TCP stack. */
  maxBufferedBytes: number;
}

interface Conn {
  writeBuffer?: unknown[];
  transport?: { socket?: { bufferedAmount?: number } };
}

/** What a socket holds in memory for a peer that does not read. */
export function backlogOf(conn: Conn): { packets: number; bytes: number } {
  return { packets: conn.writeBuffer?.length ?? 0, bytes: conn.transport?.socket?.bufferedAmount ?? 0 };
}

/**
 * A dashboard that stops reading (a frozen tab, a stalled link) would make the server queue its
 * events without bound. Past the limits it is disconnected; on reconnecting it catches up with `since`.
 */
export function guardSlowConsumers(io: Server, limits: SlowConsumerLimits, everyMs = 1_000, onDrop?: (id: string) => void): () => void {
  const timer = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const { packets, bytes } = backlogOf(socket.conn as unknown as Conn);
      if (packets > limits.maxQueuedPackets || bytes > limits.maxBufferedBytes) {
        onDrop?.(socket.id);
        socket.disconnect(true);
      }
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
