import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, codeForStatus, type ErrorCode, type FieldError, problemType, titleFor } from './errors.ts';

interface Problem {
  [extension: string]: unknown;
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldError[];
}

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function pointerToPath(prefix: string, pointer: string): string {
  const parts = pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [prefix, ...parts].filter(Boolean).join('.');
}

function validationErrors(error: FastifyError): FieldError[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const prefix = context === 'body' ? '' : context;
  return ((error.validation ?? []) as AjvIssue[]).map((issue) => {
    let path = pointerToPath(prefix, issue.instancePath ?? '');
    let message = issue.message ?? 'is invalid';
    const extra = issue.params?.additionalProperty;
    const missing = issue.params?.missingProperty;
    if (typeof extra === 'string') {
      path = [path, extra].filter(Boolean).join('.');
      message = 'is not a known property';
    } else if (typeof missing === 'string') {
      path = [path, missing].filter(Boolean).join('.');
      message = 'is required';
    }
    return { path: path || context, message };
  });
}

export function problemOf(error: unknown): { problem: Problem; internal: boolean } {
  if (error instanceof AppError) {
    return {
      problem: {
        type: problemType(error.code),
        title: error.title,
        status: error.status,
        detail: error.message,
        code: error.code,
        errors: error.errors,
        ...error.extra,
      },
      internal: false,
    };
  }
  const fe = error as FastifyError;
  if (fe?.validation) {
    const errors = validationErrors(fe);
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return {
      problem: {
        type: problemType('validation_failed'),
        title: titleFor('validation_failed'),
        status: 400,
        detail: detail || 'The request is invalid',
        code: 'validation_failed',
        errors,
      },
      internal: false,
    };
  }
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code: ErrorCode = status === 400 ? 'bad_request' : codeForStatus(status);
    return {
      problem: {
        type: problemType(code),
        title: titleFor(code),
        status,
        detail: fe.message || titleFor(code),
        code,
        errors: [],
      },
      internal: false,
    };
  }
  const code: ErrorCode = status === 503 ? 'unavailable' : 'internal';
  return {
    problem: {
      type: problemType(code),
      title: titleFor(code),
      status: status >= 500 && status < 600 ? status : 500,
      detail: 'Something went wrong on the server. The error has been logged.',
      code,
      errors: [],
    },
    internal: true,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

/** Turns every error into RFC 9457 problem+json; 5xx are logged with request context and never show internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { problem, internal } = problemOf(error);
    if (internal) request.log.error({ err: error, url: request.url, method: request.method }, 'request failed');
    else if (problem.status === 429) request.log.warn({ url: request.url, ip: request.ip }, 'rate limited');
    return sendProblem(reply, problem);
  });
}
