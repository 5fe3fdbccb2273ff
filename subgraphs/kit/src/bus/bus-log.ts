/** What the bus's relays and consumers log through: Fastify's logger fits, so does pino. */
export interface BusLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
