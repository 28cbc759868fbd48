import type { FastifyInstance, InjectOptions } from 'fastify';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: { name: string; value: string }[];
  text: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A tiny HTTP client over app.inject: real routing, validation, hooks and serialisation, no socket. */
export class Api {
  constructor(
    readonly app: FastifyInstance,
    readonly token?: string,
  ) {}

  as(token: string | undefined): Api {
    return new Api(this.app, token);
  }

  async request<T = any>(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const opts: InjectOptions = { method, url, headers: { ...headers } };
    if (this.token && !('authorization' in headers))
      (opts.headers as Record<string, string>).authorization = `Bearer ${this.token}`;
    if (body !== undefined) {
      opts.payload = typeof body === 'string' ? body : JSON.stringify(body);
      if (!('content-type' in headers)) (opts.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await this.app.inject(opts);
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      body: type.includes('json') && res.body ? JSON.parse(res.body) : res.body,
      headers: res.headers,
      cookies: res.cookies.map((c) => ({ name: c.name, value: c.value })),
      text: res.body,
    };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
}
