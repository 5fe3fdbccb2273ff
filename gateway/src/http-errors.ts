import type { HuishangError } from '@huishang/schema';
import type { FastifyReply } from 'fastify';

/** Answers an HTTP request with one error, shaped as a GraphQL response so clients read it alike. */
export function sendError(reply: FastifyReply, status: number, error: HuishangError) {
  return reply
    .code(status)
    .send({ errors: [{ message: error.message, extensions: error.extensions }] });
}
