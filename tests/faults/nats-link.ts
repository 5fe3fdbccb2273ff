import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { freePort } from '@huishang/subgraph-kit/testing';

export interface NatsLink {
  /** What the node connects to instead of the server. */
  url: string;
  /** Takes the node off the bus: open connections are cut and new ones refused. */
  cut(): Promise<void>;
  /** Puts it back on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay between one node and nats-server, so that one node can go offline while the
 * server and the other nodes keep running, as when a county's line goes down.
 */
export async function startNatsLink(natsPort: number): Promise<NatsLink> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const listening = createServer((inbound) => {
        const outbound = tcpConnect(natsPort, '127.0.0.1');
        for (const socket of [inbound, outbound]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          // A cut is the point: errors on either side just end the pair.
          socket.on('error', () => undefined);
        }
        inbound.pipe(outbound);
        outbound.pipe(inbound);
        inbound.on('close', () => outbound.destroy());
        outbound.on('close', () => inbound.destroy());
      });
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => {
        server = listening;
        resolve();
      });
    });

  const cut = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
  };

  await listen();
  return { url: `nats://127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
