import type { HuishangError } from '@huishang/schema';
import type { FastifyReply } from 'fastify';

const statusByCategory: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};

/** The HTTP status of an error refused before GraphQL runs. */
export const statusOf = (error: HuishangError): number =>
  error.code === 'GATEWAY_RATE_LIMITED' ? 429 : (statusByCategory[error.category] ?? 500);

// a refusal may quote what the client sent (a node, an operation name): never at length
const maxMessageChars = 300;

/** Answers an HTTP request with one error, shaped as a GraphQL response so clients read it alike. */
export function sendError(reply: FastifyReply, status: number, error: HuishangError) {
  const message =
    error.message.length > maxMessageChars
      ? `${error.message.slice(0, maxMessageChars)}…`
      : error.message;
  return reply.code(status).send({ errors: [{ message, extensions: error.extensions }] });
}
